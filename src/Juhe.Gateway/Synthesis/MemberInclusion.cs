namespace Juhe.Gateway.Synthesis;

/// <summary>How an optional member appears in a generated answer.</summary>
internal enum MemberInclusion
{
    /// <summary>Left out, as real gateways leave out most optional objects and lists.</summary>
    Omit,

    /// <summary>Written as <c>null</c> (a nullable member the answer has nothing for).</summary>
    Null,

    /// <summary>Written with a generated value.</summary>
    Value,
}
