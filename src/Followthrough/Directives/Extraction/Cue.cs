namespace Followthrough.Directives.Extraction;

/// <summary>What a cue word tells the detector about the sentence it is in.</summary>
internal enum Cue : byte
{
    /// <summary>Duty or necessity: should, must, shall, need to, it is necessary to, 必须, 务必, 应当.</summary>
    Obligation,

    /// <summary>A ban: must not, shall not, 不得, 严禁, 禁止.</summary>
    Prohibition,

    /// <summary>Work given to someone: is responsible for, takes the lead, 负责, 牵头 (checked: not 负责同志).</summary>
    Assignment,

    /// <summary>Let us, please, 让我们, 请.</summary>
    Exhortation,

    /// <summary>A relayed requirement: asked / required / urged ... to, 要求, 责成 (checked for its complement).</summary>
    Request,

    /// <summary>A wish addressed to someone: hoped that, 希望 (counts only if it names who should act).</summary>
    Hope,

    /// <summary>The speaker's government commits itself: we will, strive to, efforts will be made, 力争, 确保.</summary>
    Commitment,

    /// <summary>English "will": a commitment when its subject is a unit or a generic actor.</summary>
    Will,

    /// <summary>English "is to" / "are to": a duty, unless the subject is a purpose ("the aim is to").</summary>
    IsTo,

    /// <summary>English "may": a ban after "no" (no department may ...).</summary>
    May,

    /// <summary>Chinese 要 as a modal verb (重要, 主要, 纪要 are excluded as <see cref="Neutral"/> words).</summary>
    Yao,

    /// <summary>Chinese 需要 / 需 / 须 (checked: not 需要的, 需求).</summary>
    Xu,

    /// <summary>Chinese 应 as a modal (应用, 相应, 供应 are excluded as <see cref="Neutral"/> words).</summary>
    Ying,

    /// <summary>An action verb; an imperative when it opens a clause: strengthen, speed up, 加快, 推进.</summary>
    Imperative,

    /// <summary>Contains a cue word but is not one: 重要, 纪要, as required, in charge of, 负责同志.</summary>
    Neutral,

    /// <summary>Takes the duty away: no need to, not necessary, 无需, 不必, 没有要求.</summary>
    Negator,

    /// <summary>What should have happened: should have, 本应.</summary>
    Counterfactual,

    /// <summary>A duty to notice, not to act: we must also see, 要看到.</summary>
    Perception,

    /// <summary>A time in the past: last year, in recent years, 去年, 近年来, 以来, 截至.</summary>
    PastAnchor,

    /// <summary>A time ahead: this year, from now on, 今年, 今后, 下一步.</summary>
    FutureAnchor,

    /// <summary>A Five-Year Plan by number (14th Five-Year Plan, 十四五); past or ahead depending on the date.</summary>
    FiveYearPlan,

    /// <summary>Completed action: has / have / had (checked for a participle), was, 了, 已, 已经.</summary>
    Perfective,

    /// <summary>The events of a meeting or visit: attended, presided over, listened to, 出席, 陪同, 听取.</summary>
    Narrative,

    /// <summary>Assessment and praise: fully reflects, commended, 充分体现, 表扬, 成效显著.</summary>
    Praise,

    /// <summary>Figures reported: increased by, year on year, 同比, 增长, 位居.</summary>
    Statistic,

    /// <summary>A suggestion or opinion: suggested, proposed, 建议, 反映, 认为.</summary>
    Suggestion,

    /// <summary>Who offers suggestions at a symposium: participants, experts, 与会, 专家, 企业家.</summary>
    Participant,

    /// <summary>A higher authority cited as background: plenary session, State Council, 党中央, 全会.</summary>
    Authority,

    /// <summary>A verb of saying: stressed, pointed out, 强调, 指出.</summary>
    Reporting,

    /// <summary>An adverbial opening a sentence: according to, based on, 按照, 围绕.</summary>
    Lead,

    /// <summary>A connective or address that can open a sentence before its verb: also, in addition, 同时, 同志们.</summary>
    Discourse,

    /// <summary>The purpose of a clause: so as to, in order to, 为了, 以便, 为确保.</summary>
    Purpose,

    /// <summary>A part as subject, which describes a state of affairs: some, a few, 一些, 有的, 个别, 少数.</summary>
    Partial,
}

/// <summary>A cue word's meaning; <see cref="Number"/> carries a Five-Year Plan's number.</summary>
internal readonly record struct CueWord(Cue Kind, byte Number = 0);
