using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.ElectronicLetters;
using Belu.Portal.Features.ElectronicLetters.Domain;

namespace Belu.Portal.Features.Organization.Acting;

/// <summary>
/// The refusals an acting official meets at the edge of his authority (UU 30/2014 Pasal 14 ayat (7); docs/domain/acting.md):
/// what he may not decide stays with the definitive official, who finds it waiting when he is back.
/// </summary>
public static class ActingLimits
{
    public static string RequestRefusal(ActingSpan acting, RequestKind kind, ActingOptions options)
    {
        var allowed = Enum.GetValues<RequestKind>().Where(options.MayDecide).Select(k => k.Label()).ToList();
        return $"Sebagai {acting.Capacity}, Anda tidak berwenang memutuskan permohonan {kind.Label()}: keputusan ini menyangkut hak kepegawaian "
            + "dan tetap menjadi wewenang pejabat definitif (UU 30/2014 Pasal 14). "
            + (allowed.Count == 0 ? "" : $"Yang dapat Anda putuskan: {string.Join(", ", allowed)}.");
    }

    public static string SignRefusal(ActingSpan acting, ElectronicLetterKind kind) =>
        $"Sebagai {acting.Capacity}, Anda tidak berwenang menandatangani naskah jenis {kind.Label()}: jenis ini dicadangkan bagi pejabat definitif "
        + "(pengaturan Acting:ReservedLetterKinds, UU 30/2014 Pasal 14).";
}
