using Belu.Portal.Features.Letters.Domain;

namespace Belu.Portal.Features.ElectronicLetters.Domain;

/// <summary>How someone stands to a draft; the order matters: the closest relation wins.</summary>
public enum DraftRelation
{
    None = 0,
    UnitLeader = 1,
    Chain = 2,
    Conceptor = 3,
}

/// <summary>The facts of a draft that decide who may see it.</summary>
public sealed record DraftAccessFacts(int ConceptorId, int UnitId, SecurityClass Security, IReadOnlyCollection<(int EmployeeId, int UnitId)> Chain);

/// <summary>
/// Who sees a draft: its conceptor, its chain, and the leaders of their units (read only). A Rahasia or Sangat
/// Rahasia draft only its conceptor and chain: a leader outside the chain never learns it exists.
/// </summary>
public static class DraftAccessRules
{
    public static DraftRelation RelationOf(int viewerId, IReadOnlySet<int> ledUnits, DraftAccessFacts draft)
    {
        if (viewerId == draft.ConceptorId)
        {
            return DraftRelation.Conceptor;
        }
        if (draft.Chain.Any(c => c.EmployeeId == viewerId))
        {
            return DraftRelation.Chain;
        }
        if (draft.Security is SecurityClass.Rahasia or SecurityClass.SangatRahasia)
        {
            return DraftRelation.None;
        }
        return ledUnits.Contains(draft.UnitId) || draft.Chain.Any(c => ledUnits.Contains(c.UnitId))
            ? DraftRelation.UnitLeader
            : DraftRelation.None;
    }

    /// <summary>Subjects of secret drafts never travel in notifications (bells, toasts, pushes).</summary>
    public static bool IsSecret(SecurityClass security) => security is SecurityClass.Rahasia or SecurityClass.SangatRahasia;
}
