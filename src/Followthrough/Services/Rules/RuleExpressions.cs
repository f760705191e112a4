using System.Globalization;
using NCalc;
using NCalc.Exceptions;

namespace Followthrough.Services.Rules;

/// <summary>The kinds of value a rule line works with.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<RuleValueKind>))]
public enum RuleValueKind
{
    Text,
    Number,
    Date,
    Bool,
}

/// <summary>
/// A rule line's expression (NCalc), kept in a sandbox: at most <see cref="MaxLength"/> characters; names are only the
/// form's fields and the facts of <see cref="RuleFacts"/>; functions only those of <see cref="Functions"/>; operators
/// only comparisons, and/or/not, arithmetic, in/not in; both sides of a comparison of the same kind; the whole line
/// true or false. Nothing is looked up by reflection and no custom function is ever registered: a line that passes
/// <see cref="Check"/> can only compute with the values it is given.
/// </summary>
public static class RuleExpressions
{
    public const int MaxLength = 500;

    /// <summary>The functions a line may call: if(condition, a, b), in(x, a, b, ...), Abs, Min, Max, Round.</summary>
    public static readonly IReadOnlySet<string> Functions = new HashSet<string>(StringComparer.Ordinal) { "if", "in", "Abs", "Min", "Max", "Round" };

    public const string TooLong = "A line's expression is at most 500 characters.";
    public const string Unparsable = "The expression cannot be read; check its brackets, quotes and operators.";
    public const string NotTrueFalse = "A line must come out true or false (for example amount <= 5000).";

    private const ExpressionOptions Options = ExpressionOptions.NoCache | ExpressionOptions.DecimalAsDefault | ExpressionOptions.NoStringTypeCoercion;

    /// <summary>Null when the expression is fine over <paramref name="names"/>; otherwise what is wrong, in English.</summary>
    public static string? Check(string expression, IReadOnlyDictionary<string, RuleValueKind> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (string.IsNullOrWhiteSpace(expression))
        {
            return Unparsable;
        }

        if (expression.Length > MaxLength)
        {
            return TooLong;
        }

        var parsed = new Expression(expression, Options);
        if (parsed.HasErrors() || parsed.LogicalExpression is null)
        {
            return Unparsable;
        }

        try
        {
            return KindOf(parsed.LogicalExpression, names) == RuleValueKind.Bool ? null : NotTrueFalse;
        }
        catch (RuleCheckException problem)
        {
            return problem.Message;
        }
    }

    /// <summary>Evaluates a checked line with the values of its names: its result, or why it could not be decided.</summary>
    public static (bool? Result, string? Problem) Evaluate(string expression, IReadOnlyDictionary<string, object> values)
    {
        var parsed = new Expression(expression, Options) { CultureInfo = CultureInfo.InvariantCulture };
        foreach (var (name, value) in values)
        {
            parsed.Parameters[name] = value;
        }

        parsed.EvaluateFunction += (name, _) =>
        {
            if (!Functions.Contains(name))
            {
                throw new InvalidOperationException("The function " + name + " is not allowed.");
            }
        };
        try
        {
            return parsed.Evaluate() is bool result ? (result, null) : (null, NotTrueFalse);
        }
        catch (Exception error) when (error is NCalcEvaluationException or FormatException or InvalidCastException or ArgumentException
            or OverflowException or DivideByZeroException or InvalidOperationException or NCalcParameterNotDefinedException)
        {
            return (null, "The line could not be evaluated: " + error.Message);
        }
    }

    private static RuleValueKind KindOf(LogicalExpression node, IReadOnlyDictionary<string, RuleValueKind> names) => node switch
    {
        ValueExpression v => v.Type switch
        {
            NCalc.ValueType.Integer or NCalc.ValueType.Float => RuleValueKind.Number,
            NCalc.ValueType.String => RuleValueKind.Text,
            NCalc.ValueType.Boolean => RuleValueKind.Bool,
            _ => throw new RuleCheckException("Only numbers, 'text' in quotes, true and false may be written in a line."),
        },
        Identifier id => names.TryGetValue(id.Name, out var kind)
            ? kind
            : throw new RuleCheckException($"There is no form field or fact named {id.Name}."),
        UnaryExpression u => u.Type switch
        {
            UnaryExpressionType.Not => Expect(u.Expression, RuleValueKind.Bool, names, "not"),
            UnaryExpressionType.Negate or UnaryExpressionType.Positive => Expect(u.Expression, RuleValueKind.Number, names, "-"),
            _ => throw new RuleCheckException("Only not and - may stand before a value."),
        },
        BinaryExpression b => Binary(b, names),
        TernaryExpression t => Same(t.MiddleExpression, t.RightExpression, names, "?:", Expect(t.LeftExpression, RuleValueKind.Bool, names, "?:")),
        Function f => Call(f, names),
        _ => throw new RuleCheckException(Unparsable),
    };

    private static RuleValueKind Binary(BinaryExpression b, IReadOnlyDictionary<string, RuleValueKind> names)
    {
        var op = b.Type.ToString();
        switch (b.Type)
        {
            case BinaryExpressionType.And or BinaryExpressionType.Or:
                Expect(b.LeftExpression, RuleValueKind.Bool, names, op);
                return Expect(b.RightExpression, RuleValueKind.Bool, names, op);
            case BinaryExpressionType.Equal or BinaryExpressionType.NotEqual:
                Same(b.LeftExpression, b.RightExpression, names, op);
                return RuleValueKind.Bool;
            case BinaryExpressionType.Lesser or BinaryExpressionType.LesserOrEqual or BinaryExpressionType.Greater or BinaryExpressionType.GreaterOrEqual:
                if (Same(b.LeftExpression, b.RightExpression, names, op) is not (RuleValueKind.Number or RuleValueKind.Date))
                {
                    throw new RuleCheckException($"{op} compares numbers or dates only.");
                }

                return RuleValueKind.Bool;
            case BinaryExpressionType.Plus or BinaryExpressionType.Minus or BinaryExpressionType.Times or BinaryExpressionType.Div or BinaryExpressionType.Modulo:
                Expect(b.LeftExpression, RuleValueKind.Number, names, op);
                return Expect(b.RightExpression, RuleValueKind.Number, names, op);
            case BinaryExpressionType.In or BinaryExpressionType.NotIn:
                var left = KindOf(b.LeftExpression, names);
                if (b.RightExpression is LogicalExpressionList list)
                {
                    for (var i = 0; i < list.Count; i++)
                    {
                        Expect(list[i], left, names, op);
                    }
                }
                else
                {
                    Expect(b.RightExpression, left, names, op);
                }

                return RuleValueKind.Bool;
            default:
                throw new RuleCheckException($"The operator {op} is not allowed in a rule line.");
        }
    }

    private static RuleValueKind Call(Function f, IReadOnlyDictionary<string, RuleValueKind> names)
    {
        var name = f.Identifier.Name;
        if (!Functions.Contains(name))
        {
            throw new RuleCheckException($"The function {name} is not allowed; a line may use only {string.Join(", ", Functions)}.");
        }

        var args = Enumerable.Range(0, f.Parameters.Count).Select(i => f.Parameters[i]).ToList();
        switch (name)
        {
            case "if" when args.Count == 3:
                Expect(args[0], RuleValueKind.Bool, names, name);
                return Same(args[1], args[2], names, name);
            case "in" when args.Count >= 2:
                var first = KindOf(args[0], names);
                foreach (var arg in args.Skip(1))
                {
                    Expect(arg, first, names, name);
                }

                return RuleValueKind.Bool;
            case "Abs" when args.Count == 1:
            case "Round" when args.Count == 2:
            case "Min" or "Max" when args.Count == 2:
                args.ForEach(a => Expect(a, RuleValueKind.Number, names, name));
                return RuleValueKind.Number;
            default:
                throw new RuleCheckException($"The function {name} is given the wrong number of values.");
        }
    }

    private static RuleValueKind Expect(LogicalExpression node, RuleValueKind wanted, IReadOnlyDictionary<string, RuleValueKind> names, string op)
    {
        var kind = KindOf(node, names);
        return kind == wanted ? kind : throw new RuleCheckException($"{op} needs {Describe(wanted)} but is given {Describe(kind)}.");
    }

    private static RuleValueKind Same(LogicalExpression left, LogicalExpression right, IReadOnlyDictionary<string, RuleValueKind> names, string op, RuleValueKind _ = default)
    {
        var a = KindOf(left, names);
        var b = KindOf(right, names);
        return a == b ? a : throw new RuleCheckException($"{op} compares {Describe(a)} with {Describe(b)}; both sides must be of the same kind.");
    }

    private static string Describe(RuleValueKind kind) => kind switch
    {
        RuleValueKind.Text => "text",
        RuleValueKind.Number => "a number",
        RuleValueKind.Date => "a date",
        _ => "true/false",
    };

    private sealed class RuleCheckException(string message) : Exception(message);
}
