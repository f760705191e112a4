using System.Data.Common;
using System.Globalization;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Followthrough.Plans;

/// <summary>
/// The hot read behind every plan page: a plan's items, co-operating units, indicators, yearly targets and the latest
/// figure of each indicator, in hand-written SQL (the same on SQLite and PostgreSQL). On a plan of 10,000 items the
/// ORM spent most of its time materializing columns the pages never show (timestamps parsed from text on SQLite);
/// these readers take only what the snapshot needs.
/// </summary>
internal static class PlanRows
{
    public static async Task<(List<PlanItem> Items, List<PlanItemPartner> Partners, List<Indicator> Indicators, List<IndicatorTarget> Targets)> ReadAsync(
        FollowthroughDb db, int planId, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var items = await QueryAsync(db, planId, """
                SELECT id, parent_id, code, kind, position, text_zh, text_en, lead_unit_id, weight, implements_item_id, version
                FROM plan_items WHERE plan_id = @plan
                """, r => new PlanItem
            {
                Id = r.GetInt32(0),
                PlanId = planId,
                ParentId = r.IsDBNull(1) ? null : r.GetInt32(1),
                Code = r.GetString(2),
                Kind = Enums<PlanItemKind>.Parse(r.GetString(3)),
                Position = r.GetInt32(4),
                TextZh = r.GetString(5),
                TextEn = r.GetString(6),
                LeadUnitId = r.IsDBNull(7) ? null : r.GetInt32(7),
                Weight = Decimal(r, 8),
                ImplementsItemId = r.IsDBNull(9) ? null : r.GetInt32(9),
                Version = r.GetInt32(10),
            }, cancellationToken);
            var partners = await QueryAsync(db, planId, """
                SELECT p.plan_item_id, p.unit_id FROM plan_item_partners p JOIN plan_items i ON i.id = p.plan_item_id WHERE i.plan_id = @plan
                """, r => new PlanItemPartner { PlanItemId = r.GetInt32(0), UnitId = r.GetInt32(1) }, cancellationToken);
            var indicators = await QueryAsync(db, planId, """
                SELECT id, plan_item_id, code, name_zh, name_en, measure_zh, measure_en, category, nature, direction, baseline_year,
                       baseline_value, period_target, period_target_upper, vision_target, vision_target_upper, reporting_unit_id,
                       frequency, is_illustrative, version
                FROM indicators WHERE plan_id = @plan
                """, r => new Indicator
            {
                Id = r.GetInt32(0),
                PlanId = planId,
                PlanItemId = r.GetInt32(1),
                Code = r.GetString(2),
                NameZh = r.GetString(3),
                NameEn = r.GetString(4),
                MeasureZh = r.GetString(5),
                MeasureEn = r.GetString(6),
                Category = Enums<IndicatorCategory>.Parse(r.GetString(7)),
                Nature = Enums<IndicatorNature>.Parse(r.GetString(8)),
                Direction = Enums<IndicatorDirection>.Parse(r.GetString(9)),
                BaselineYear = r.GetInt32(10),
                BaselineValue = Decimal(r, 11),
                PeriodTarget = Decimal(r, 12),
                PeriodTargetUpper = NullableDecimal(r, 13),
                VisionTarget = NullableDecimal(r, 14),
                VisionTargetUpper = NullableDecimal(r, 15),
                ReportingUnitId = r.GetInt32(16),
                Frequency = Enums<ReportingFrequency>.Parse(r.GetString(17)),
                IsIllustrative = r.GetBoolean(18),
                Version = r.GetInt32(19),
            }, cancellationToken);
            var targets = await QueryAsync(db, planId, """
                SELECT t.indicator_id, t.year, t.value, t.upper_value FROM indicator_targets t JOIN indicators i ON i.id = t.indicator_id WHERE i.plan_id = @plan
                """, r => new IndicatorTarget { IndicatorId = r.GetInt32(0), Year = r.GetInt32(1), Value = Decimal(r, 2), UpperValue = NullableDecimal(r, 3) }, cancellationToken);
            return (items, partners, indicators, targets);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The current value of the latest reported period of each indicator of the plan. The current figure of a period is
    /// its newest row (a correction always comes after what it corrects), so the latest figure of an indicator is its
    /// row with the greatest (year, part of year, id): one index probe per indicator.
    /// </summary>
    public static async Task<List<(int IndicatorId, int Year, int SubPeriod, decimal Value)>> LatestValuesAsync(FollowthroughDb db, int planId, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await QueryAsync(db, planId, """
                SELECT v.indicator_id, v.year, v.sub_period, v.value
                FROM indicators i
                JOIN indicator_values v ON v.id = (
                    SELECT w.id FROM indicator_values w
                    WHERE w.indicator_id = i.id
                    ORDER BY w.year DESC, w.sub_period DESC, w.id DESC
                    LIMIT 1)
                WHERE i.plan_id = @plan
                """, r => (r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), Decimal(r, 3)), cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static Task<List<T>> QueryAsync<T>(FollowthroughDb db, int planId, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken) =>
        db.QueryAsync(sql, [("@plan", planId)], read, cancellationToken);

    /// <summary>SQLite keeps decimals as text (how EF Core stores them), PostgreSQL as numeric.</summary>
    private static decimal Decimal(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        string text => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        var other => Convert.ToDecimal(other, CultureInfo.InvariantCulture),
    };

    private static decimal? NullableDecimal(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Decimal(reader, ordinal);

    /// <summary>Enum names as stored (text), parsed once per name.</summary>
    private static class Enums<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly Dictionary<string, TEnum> Names = Enum.GetValues<TEnum>().ToDictionary(v => v.ToString(), StringComparer.Ordinal);

        public static TEnum Parse(string name) => Names.TryGetValue(name, out var value) ? value : Enum.Parse<TEnum>(name);
    }
}
