using System.Data.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Letters.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Belu.Portal.Features.Letters;

/// <summary>Write helpers shared by the E-Surat services.</summary>
internal static class LetterWrites
{
    /// <summary>
    /// The next number of a unit's register for a year. Runs inside the caller's transaction (SQLite: BEGIN IMMEDIATE,
    /// so one registering clerk at a time; PostgreSQL: the upsert locks the counter row until commit, so the next clerk
    /// waits and reads the committed value): if the registration rolls back, so does the number, and no gap appears.
    /// </summary>
    public static async Task<int> NextSequenceAsync(PortalDbContext db, int unitId, int year, LetterRegister register, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A register number is only handed out inside a transaction.");
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "INSERT INTO \"LetterCounters\" (\"UnitId\", \"Year\", \"Register\", \"LastSequence\") VALUES (@unit, @year, @register, 1) " +
            "ON CONFLICT (\"UnitId\", \"Year\", \"Register\") DO UPDATE SET \"LastSequence\" = \"LetterCounters\".\"LastSequence\" + 1 RETURNING \"LastSequence\";";
        Add(command, "@unit", unitId);
        Add(command, "@year", year);
        Add(command, "@register", (int)register);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Add(DbCommand command, string name, int value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>Brings the letter's stored progress in step with its disposition tree.</summary>
    public static void RefreshProgress(IncomingLetter letter, IEnumerable<Disposition> tree)
    {
        var summary = LetterStateRules.Summarize(tree.Select(d => new DispositionSnapshot(d.Status, d.Deadline)));
        letter.Progress = summary.Progress;
        letter.OpenDeadline = summary.OpenDeadline;
    }

    public static LetterTrackEntry Track(Guid letterId, DateTime atUtc, TrackKind kind, int? actorId, string actorName, string text, Guid? dispositionId = null) => new()
    {
        LetterId = letterId,
        AtUtc = atUtc,
        Kind = kind,
        ActorEmployeeId = actorId,
        ActorName = actorName,
        Text = text.Length > 2000 ? text[..2000] : text,
        DispositionId = dispositionId,
    };

    /// <summary>Ends a sentence with one full stop, also after a name that ends in a degree ("S.Kom.").</summary>
    public static string Sentence(string text) => text.EndsWith('.') ? text : text + ".";

    /// <summary>An FTS5 query from what a user typed: every word must appear, as a word or the start of one.</summary>
    public static string? FullTextQuery(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }
        return words.Count == 0 ? null : string.Join(' ', words.Take(8).Select(w => $"\"{w}\"*"));
    }

    /// <summary>
    /// SQL of a letter's search key: unit, year and sequence (unique per register) packed into one integer, so the
    /// full-text index answers with its own row numbers and never reads its stored text to join back.
    /// </summary>
    public static string SearchKeySql(string year, string sequence) => SearchKeySql("UnitId", year, sequence);

    public static string SearchKeySql(string unit, string year, string sequence) => $"{unit} * 10000000000 + {year} * 1000000 + {sequence}";

    /// <summary>The same key as the stored column <see cref="SearchKeySql(string, string)"/> computes, for the rows that copy it before it is read back.</summary>
    public static long SearchKeyOf(int unitId, int year, int sequence) => unitId * 10_000_000_000L + year * 1_000_000L + sequence;

    /// <summary>Search keys of incoming letters whose subject, summary or sender match; composed into the list query as a subquery.</summary>
    public static IQueryable<long> SearchIncoming(PortalDbContext db, string match) => db.Database.IsNpgsql()
        ? db.Database.SqlQuery<long>($"SELECT \"SearchKey\" AS \"Value\" FROM \"IncomingLetters\" WHERE \"SearchVector\" @@ to_tsquery('simple', {TsQuery(match)})")
        : db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM IncomingLetterSearch WHERE IncomingLetterSearch MATCH {match}");

    /// <summary>
    /// The same search within a range of search keys: the full-text index skips to the range (FTS5 takes a rowid range
    /// with its MATCH; PostgreSQL ands the key's index with the text's), so a viewer's search reads the hits among the
    /// units his letters are registered in, not every hit of the regency.
    /// </summary>
    public static IQueryable<long> SearchIncoming(PortalDbContext db, string match, long from, long to) => db.Database.IsNpgsql()
        ? db.Database.SqlQuery<long>($"SELECT \"SearchKey\" AS \"Value\" FROM \"IncomingLetters\" WHERE \"SearchVector\" @@ to_tsquery('simple', {TsQuery(match)}) AND \"SearchKey\" BETWEEN {from} AND {to}")
        : db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM IncomingLetterSearch WHERE IncomingLetterSearch MATCH {match} AND rowid BETWEEN {from} AND {to}");

    public static IQueryable<long> SearchOutgoing(PortalDbContext db, string match) => db.Database.IsNpgsql()
        ? db.Database.SqlQuery<long>($"SELECT \"SearchKey\" AS \"Value\" FROM \"OutgoingLetters\" WHERE \"SearchVector\" @@ to_tsquery('simple', {TsQuery(match)})")
        : db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM OutgoingLetterSearch WHERE OutgoingLetterSearch MATCH {match}");

    /// <summary>The PostgreSQL form of an FTS5 query made by <see cref="FullTextQuery"/>: every word, as a word or the start of one.</summary>
    public static string TsQuery(string match) =>
        string.Join(" & ", match.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => $"'{w.Trim('"', '*').ToLowerInvariant()}':*"));
}
