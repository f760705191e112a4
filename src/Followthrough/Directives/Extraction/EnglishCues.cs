namespace Followthrough.Directives.Extraction;

/// <summary>
/// English cue words of government writing (meeting records, work reports, speeches, inspection feedback and
/// their translations from Chinese). Matched whole-word and case-insensitively; a longer entry that contains a
/// shorter one overrides it ("should have" over "should", "as required" over "required").
/// </summary>
internal static class EnglishCues
{
    /// <summary>Cues that count wherever they stand in a sentence.</summary>
    public static IEnumerable<KeyValuePair<string, CueWord>> Anywhere()
    {
        foreach (var (kind, words) in Lists)
        {
            foreach (var word in words)
            {
                yield return new(word, new CueWord(kind));
            }
        }

        for (var n = 10; n <= 16; n++)
        {
            var ordinal = $"{n}th";
            yield return new($"{ordinal} five-year plan", new CueWord(Cue.FiveYearPlan, (byte)n));
            yield return new($"{ordinal} \"five-year plan", new CueWord(Cue.FiveYearPlan, (byte)n));
            yield return new($"\"{ordinal} five-year plan", new CueWord(Cue.FiveYearPlan, (byte)n));
            yield return new($"{ordinal} five year plan", new CueWord(Cue.FiveYearPlan, (byte)n));
        }
    }

    /// <summary>Cues that count only where a clause opens: imperative verbs, adverbial leads, connectives.</summary>
    public static IEnumerable<KeyValuePair<string, CueWord>> Openers()
    {
        foreach (var (kind, words) in OpenerLists)
        {
            foreach (var word in words)
            {
                yield return new(word, new CueWord(kind));
            }
        }
    }

    private static readonly (Cue Kind, string[] Words)[] Lists =
    [
        (Cue.Obligation,
        [
            "should", "must", "shall", "need to", "needs to", "have to", "has to", "ought to", "it is necessary",
            "it is imperative", "it is essential", "it is vital", "it is important to", "there is a need", "the need to",
            "is required to", "are required to", "was required to", "were required to", "it is required", "it was required",
            "is obliged to", "are obliged to", "efforts should be made", "efforts must be made", "be sure to",
            "it is urgent to", "it is a must",
        ]),
        (Cue.Prohibition,
        [
            "must not", "must never", "should not", "should never", "shall not", "shall never", "mustn't", "shouldn't",
            "is not allowed", "are not allowed", "not be allowed", "is prohibited", "are prohibited", "is forbidden",
            "are forbidden", "strictly prohibited", "strictly forbidden", "we cannot", "we can not", "we can't",
            "under no circumstances", "is not permitted", "are not permitted",
        ]),
        (Cue.Assignment,
        [
            "is responsible for", "are responsible for", "shall be responsible for", "will be responsible for",
            "be responsible for", "take the lead", "takes the lead", "will lead the", "shall lead the", "is tasked with",
            "are tasked with", "was tasked with", "were tasked with", "designated as", "appointed as", "as the lead unit",
            "as lead unit", "lies with", "lie with", "rests with", "rest with", "is assigned to", "are assigned to",
            "was assigned to", "were assigned to",
        ]),
        (Cue.Exhortation, ["let us", "let's", "please", "we call on", "i call on"]),
        (Cue.Request,
        [
            "asked", "asks", "ask", "requested", "requests", "required", "requires", "urged", "urges", "instructed", "instructs",
            "directed", "directs", "called on", "calls on", "called upon", "calls upon", "ordered", "demanded", "demands",
            "entrusted", "encouraged", "encourages", "mandated", "decided that", "agreed that", "it was decided",
            "it was agreed", "resolved that", "tasked",
        ]),
        (Cue.Hope, ["hoped that", "hopes that", "hope that", "hoped", "hopes", "expressed the hope", "it is hoped"]),
        (Cue.Commitment,
        [
            "we will", "we shall", "we'll", "we are going to", "we are determined to", "we are committed to",
            "efforts will be made", "strive to", "strives to", "striving to", "strive for", "endeavour to", "endeavor to",
            "make every effort", "spare no effort", "the city will", "our city will", "the government will",
            "the municipal government will", "the province will", "we aim to",
        ]),
        (Cue.Will, ["will"]),
        (Cue.IsTo, ["is to", "are to"]),
        (Cue.May, ["may"]),
        (Cue.Neutral,
        [
            "as required", "as requested", "required by", "requested by", "in charge of", "if necessary", "where necessary",
            "when necessary", "as necessary", "if needed", "where needed", "as needed", "the needs", "needs of", "the need for",
            "requirements", "the requirement", "asked about", "asked for", "asked questions", "will be", "which will",
            "that will", "it will", "this will", "they will", "there will", "will become", "will continue to be",
            "is to say", "that is to", "what is to", "the way to", "ordered by", "directed by", "encouraged by",
            "may be", "may also", "may have", "may not be", "as may", "you may", "should any", "hopefully",
        ]),
        (Cue.Negator,
        [
            "no need to", "no need for", "not need to", "need not", "needn't", "does not need", "do not need",
            "did not need", "there is no need", "is not necessary", "are not necessary", "not necessary to",
            "unnecessary", "not required to", "is not required", "are not required", "was not required", "did not require",
            "does not require", "do not require", "not have to", "don't have to", "doesn't have to", "without having to",
            "no longer need", "no longer required", "no requirement", "not asked to", "did not ask", "were not asked",
        ]),
        (Cue.Counterfactual,
        [
            "should have", "must have", "ought to have", "could have", "would have", "was supposed to", "were supposed to",
            "had to", "should've", "was to have", "were to have",
        ]),
        (Cue.Perception,
        [
            "must see", "must also see", "should see", "should also see", "must recognize", "must recognise",
            "should recognize", "should recognise", "must realize", "must realise", "should realize", "should realise",
            "must be aware", "should be aware", "it should be noted", "it must be noted", "should be noted",
            "must be noted", "it should be pointed out", "it must be pointed out", "must clearly see", "must soberly see",
            "should be seen", "must be seen", "we must also see", "must also be aware", "should also be aware",
        ]),
        (Cue.PastAnchor,
        [
            "last year", "the past year", "the previous year", "in the past", "over the past", "over the years",
            "in recent years", "recent years", "so far", "to date", "up to now", "since the beginning", "in previous years",
            "previously", "last month", "last week", "last quarter", "a year earlier", "earlier this year", "ago",
            "over the last", "in the last", "since then", "in those years", "the past five years", "the past few years",
        ]),
        (Cue.FutureAnchor,
        [
            "this year", "next year", "from now on", "in the future", "in the coming", "next step", "going forward",
            "the coming five years", "the next five years", "from the fourth quarter", "henceforth", "from today",
            "in the next", "from next year", "for the rest of the year", "the rest of the year", "in the years ahead",
            "the coming period", "the coming year",
        ]),
        (Cue.Perfective, ["has", "have", "had", "was", "were", "has been", "have been", "had been"]),
        (Cue.Narrative,
        [
            "attended", "attend the meeting", "took part", "were present", "was present", "sat in", "accompanied",
            "presided over", "presided", "chaired", "was held", "were held", "held a", "held an", "held its", "hosted",
            "listened to", "heard a report", "heard reports", "heard the report", "inspected", "visited", "went to",
            "came to", "investigated", "spoke at", "delivered a speech", "made a speech", "briefed", "thanked", "lasted",
            "checked", "explained", "introduced", "reviewed and adopted", "approved in principle", "adopted in principle",
            "spoke freely", "spoke one after another", "conveyed",
        ]),
        (Cue.Praise,
        [
            "fully reflects", "fully reflected", "fully demonstrates", "fully demonstrated", "fully affirmed", "affirmed",
            "gave affirmation", "give affirmation", "spoke highly", "highly praised", "commended", "are commended",
            "is of great significance", "points out the direction", "pointed out the direction", "laid a solid foundation",
            "generally welcomed", "remarkable results", "welcomed by", "better than expected", "did not come easily",
            "worked hard", "was warm", "felt encouraged", "strong support and cordial care",
        ]),
        (Cue.Statistic,
        [
            "increased by", "decreased by", "rose by", "fell by", "grew by", "up by", "down by", "year on year",
            "year-on-year", "percentage points", "reached", "exceeded", "accounted for", "ranked", "ranks", "totalled",
            "totaled", "a total of", "compared with", "more than a year earlier", "handled", "fell", "rose", "grew",
        ]),
        (Cue.Suggestion,
        [
            "suggested", "suggests", "proposed", "proposes", "recommended", "recommends", "put forward", "believed",
            "believe", "believes", "complained", "felt that", "thought that", "hold that", "held that", "said",
            "offered suggestions", "called for",
        ]),
        (Cue.Participant,
        [
            "participants", "participant", "experts", "expert", "scholars", "representatives", "representative",
            "entrepreneurs", "entrepreneur", "deputies", "members of the public", "residents", "citizens", "speakers",
            "delegates", "enterprises", "companies", "firms", "another", "some", "several", "everyone", "attendees",
            "one entrepreneur", "others", "business people",
        ]),
        (Cue.Authority,
        [
            "plenary session", "central committee", "party central committee", "state council", "general secretary",
            "central economic work conference", "national people's congress", "cpc central committee",
            "the central government", "the party central committee",
        ]),
        (Cue.Reporting,
        [
            "stressed", "stresses", "emphasized", "emphasised", "emphasizes", "emphasises", "pointed out", "points out",
            "noted", "notes", "put forward", "proposed", "called for", "required", "requires", "made clear", "underlined",
            "said", "says",
        ]),
        (Cue.Purpose, ["so as to", "in order to", "so that", "with a view to", "to ensure", "to make sure"]),
        (Cue.Partial, ["some", "a few", "certain", "a number of", "many", "most", "individual"]),
    ];

    private static readonly (Cue Kind, string[] Words)[] OpenerLists =
    [
        (Cue.Neutral,
        [
            "use of", "set of", "list of", "report on", "report of", "report from", "lead unit", "lead units",
            "lead leader", "lead leaders", "form of", "open to", "keep in mind", "take part", "study of", "plan for",
            "focus of", "control of", "help from", "support from", "support for", "issue of", "issues", "increase in",
            "cut in", "cuts in", "start of", "lay out", "base of", "guide to", "check on", "checks", "further study",
        ]),
        (Cue.Imperative,
        [
            "accelerate", "adhere", "adopt", "advance", "allocate", "arrange", "assess", "attract", "boost", "build",
            "carry out", "carry forward", "check", "clarify", "clean up", "coordinate", "complete", "concentrate",
            "conduct", "consolidate", "construct", "continue", "control", "create", "cultivate", "cut", "deepen",
            "demolish", "deploy", "design", "develop", "do a good job", "do well", "draft", "draw up", "encourage",
            "enhance", "enlarge", "ensure", "enrich", "establish", "expand", "explore", "extend", "facilitate", "finish",
            "focus", "follow", "forge", "formulate", "foster", "give full play", "give priority", "grasp", "guarantee",
            "guide", "help", "highlight", "hold on", "implement", "improve", "increase", "innovate", "insist", "inspect",
            "integrate", "introduce", "issue", "keep", "launch", "lay", "lead", "maintain", "make good use", "make sure",
            "make full use", "manage", "monitor", "open up", "optimize", "optimise", "organize", "organise", "persist",
            "plan and", "prepare", "prevent", "prioritize", "prioritise", "promote", "protect", "provide", "publish",
            "push forward", "push ahead", "put", "raise", "rectify", "reduce", "refine", "reform", "reinforce", "release",
            "relocate", "remove", "renovate", "report", "resolve", "restore", "revise", "safeguard", "seize", "serve",
            "set up", "settle", "simplify", "solve", "speed up", "stabilize", "stabilise", "start", "step up", "stick to",
            "stimulate", "streamline", "strengthen", "strive", "study and", "submit", "support", "take", "tighten",
            "train", "transform", "update", "upgrade", "uphold", "use", "widen", "work out", "work hard", "coordinate",
            "do not", "don't", "never", "avoid", "refrain", "stop", "enforce", "pay attention", "attach importance",
            "base", "make", "set", "open", "hand", "appoint", "designate", "identify", "sort out", "list", "compact",
            "come up with", "learn", "aim at", "tackle", "address", "combine", "link", "speed", "fight", "win", "deliver",
            "bring", "turn", "shape", "weave", "form", "realize", "realise", "achieve", "accomplish", "resolutely",
            "firmly", "actively", "vigorously", "earnestly", "conscientiously", "thoroughly", "comprehensively",
            "strictly", "further", "effectively", "steadily", "continuously", "fully", "constantly", "agree", "finalise",
            "finalize", "install", "clear", "close", "replace", "produce", "hand over", "decide", "determine", "confirm",
            "contact", "consult", "notify", "inform", "invite", "convene", "visit", "investigate", "survey", "review",
            "approve", "sign", "negotiate", "purchase", "procure", "recruit", "hire", "evaluate", "audit", "rebuild",
            "repair", "fix", "move", "transfer", "return", "pay", "collect", "compile", "record", "file", "test",
            "verify", "measure", "calculate", "estimate", "write", "send", "present", "explain", "answer", "reply",
            "respond", "handle", "process", "schedule", "prepare", "organise", "hold", "check and", "set out", "find",
            "demolish", "dredge", "close down", "shut down", "suspend", "ban", "prohibit", "restrict", "limit", "reduce",
            "lower", "raise", "double", "halve", "expand", "add", "open", "extend", "renew", "register", "license",
            "certify", "accept", "reject", "forward", "circulate", "announce", "disclose", "publicise", "publicize",
        ]),
        (Cue.Lead,
        [
            "according to", "in accordance with", "in line with", "based on", "on the basis of", "in order to",
            "focusing on", "relying on", "guided by", "taking", "with", "to", "for", "facing", "as for", "regarding",
            "in view of", "given", "through", "by", "under", "around", "in", "on", "during", "from",
        ]),
        (Cue.Discourse,
        [
            "also", "in addition", "additionally", "at the same time", "meanwhile", "moreover", "furthermore",
            "in particular", "particularly", "especially", "next", "then", "besides", "above all", "first of all",
            "and", "but", "so", "therefore", "thus", "hence", "comrades", "fellow deputies", "secondly", "second",
            "third", "fourth", "fifth", "first", "finally", "lastly", "in short", "in a word", "specifically",
            "in this regard", "to this end", "for this reason", "for this purpose", "at present",
        ]),
    ];
}
