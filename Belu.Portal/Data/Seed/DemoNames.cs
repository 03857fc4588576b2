namespace Belu.Portal.Data.Seed;

/// <summary>Given names and family names common in Belu and across Indonesia, combined at random for demo employees.</summary>
internal static class DemoNames
{
    public static readonly string[] MaleGiven =
    [
        "Yohanes", "Fransiskus", "Agustinus", "Yosef", "Antonius", "Petrus", "Paulus", "Emanuel", "Dominikus", "Gregorius",
        "Kristoforus", "Aloysius", "Benediktus", "Marselinus", "Yulius", "Stefanus", "Vinsensius", "Hendrikus", "Arnoldus", "Bernardus",
        "Florianus", "Silvester", "Yakobus", "Mikael", "Rofinus", "Andreas", "Budi", "Agus", "Wahyu", "Rudi",
        "Ahmad", "Hendra", "Yanto", "Eduardus", "Ignasius", "Leonardus", "Matias", "Onesimus", "Remigius", "Tobias",
    ];

    public static readonly string[] FemaleGiven =
    [
        "Maria", "Theresia", "Yuliana", "Veronika", "Agnes", "Elisabeth", "Margaretha", "Fransiska", "Katarina", "Skolastika",
        "Florentina", "Yasinta", "Imelda", "Modesta", "Paulina", "Regina", "Sesilia", "Wilhelmina", "Yohana", "Kristina",
        "Dewi", "Sri", "Rina", "Putri", "Novita", "Erni", "Lusia", "Marselina", "Angela", "Bernadeta",
        "Ermelinda", "Hermina", "Kornelia", "Natalia", "Oktaviana", "Priska", "Rosalia", "Stefania", "Trifonia", "Yustina",
    ];

    public static readonly string[] Family =
    [
        "Bria", "Mau", "Seran", "Nahak", "Bere", "Luan", "Manek", "Tae", "Tahu", "Atok",
        "Asa", "Leki", "Klau", "Fahik", "Moruk", "Berek", "Mali", "Siku", "Lelo", "Dasi",
        "Taolin", "Lopes", "da Costa", "Pereira", "Soares", "Amaral", "Hale", "Kali", "Bau", "Nesi",
        "Tefa", "Neonbeni", "Sabu", "Nope", "Un", "Kehi", "Loe", "Mone", "Ati", "Abi",
    ];

    public static readonly string[] Degrees = ["S.Kom.", "S.E.", "S.H.", "S.Sos.", "S.IP.", "S.T.", "S.Pd.", "S.KM.", "A.Md.", "M.Si.", "M.Pd.", "M.M."];
}
