namespace Belu.Portal.Common;

/// <summary>
/// One page of a server-side list, with the total that matches the filter. When <paramref name="Capped"/> is set the
/// list stopped counting at <paramref name="Total"/>: more match than that ("lebih dari").
/// </summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, bool Capped = false);
