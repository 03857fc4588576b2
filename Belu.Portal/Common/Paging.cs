namespace Belu.Portal.Common;

/// <summary>One page of a server-side list, with the total that matches the filter.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total);
