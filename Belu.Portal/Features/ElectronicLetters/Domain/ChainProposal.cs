namespace Belu.Portal.Features.ElectronicLetters.Domain;

/// <summary>
/// The review chain a new draft proposes (Permendagri 1/2023: a naskah dinas is initialled by the officials under
/// the signer before it is signed): the conceptor's superiors upward until the signer (or, when the signer is not
/// above them, those inside the conceptor's OPD), then the OPD's secretary (Sekretaris), who checks every letter before the head signs, when not already there.
/// The conceptor edits the proposal before sending.
/// </summary>
public static class ChainProposal
{
    /// <param name="superiorOf">Each person's direct superior (atasan langsung), or null at the top.</param>
    /// <param name="opdOf">The OPD a person belongs to.</param>
    /// <param name="secretaryId">The head of the OPD's Sekretariat, when it has one.</param>
    /// <returns>The verifiers in order; the signer is not among them.</returns>
    public static IReadOnlyList<int> Verifiers(int conceptorId, int signerId, Func<int, int?> superiorOf, Func<int, int?> opdOf, int? secretaryId)
    {
        var path = new List<int>();
        var seen = new HashSet<int> { conceptorId, signerId };
        var reached = false;
        for (var next = superiorOf(conceptorId); next is int id; next = superiorOf(id))
        {
            if (id == signerId)
            {
                reached = true;
                break;
            }
            if (!seen.Add(id))
            {
                break; // a loop in the superiors' data ends the walk
            }
            path.Add(id);
        }
        // A signer above the chain of superiors is reached through all of them; one beside it (another bidang's head)
        // gets the superiors inside the conceptor's own OPD only, never the regency's top.
        var conceptorOpd = opdOf(conceptorId);
        var verifiers = reached ? path : [.. path.Where(id => opdOf(id) == conceptorOpd)];
        var signerOpd = opdOf(signerId);
        if (secretaryId is int secretary && seen.Add(secretary) && opdOf(secretary) == signerOpd)
        {
            verifiers.Add(secretary);
        }
        return verifiers;
    }

    /// <summary>Why a chain cannot be used, or null when it can: no signer, someone twice, the conceptor in it.</summary>
    public static string? Check(int conceptorId, IReadOnlyList<int> verifiers, int signerId)
    {
        if (signerId <= 0)
        {
            return "Penandatangan wajib dipilih.";
        }
        var all = verifiers.Append(signerId).ToList();
        if (all.Contains(conceptorId))
        {
            return "Konseptor tidak dapat menjadi verifikator atau penandatangan konsepnya sendiri.";
        }
        if (all.Distinct().Count() != all.Count)
        {
            return "Satu orang hanya boleh muncul sekali dalam rantai verifikasi.";
        }
        return verifiers.Count > 10 ? "Rantai verifikasi paling banyak 10 verifikator." : null;
    }
}
