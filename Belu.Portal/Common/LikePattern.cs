namespace Belu.Portal.Common;

/// <summary>
/// Text typed into a filter is matched literally: its % and _ (LIKE wildcards) and the escape character are escaped.
/// Use with <c>EF.Functions.Like(column, pattern, LikePattern.Escape)</c>.
/// </summary>
public static class LikePattern
{
    public const string EscapeCharacter = "\\";

    public static string Literal(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    public static string Contains(string text) => "%" + Literal(text) + "%";

    public static string StartsWith(string text) => Literal(text) + "%";
}
