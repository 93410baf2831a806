namespace Stabsrum.Features.Templates;

/// <summary>Starting points for bilag E, written from the seeds' meeting workflow and crisis-communication practice.</summary>
public static class StandardTemplates
{
    public static readonly IReadOnlyList<(string Name, TemplateKind Kind, string Body)> All =
    [
        ("Dagsorden for krisestabsmøde", TemplateKind.Dagsorden, """
            # Dagsorden – krisestabsmøde {{møde.nummer}}

            **Hændelse:** {{hændelse.titel}} · **Niveau:** {{hændelse.niveau}}
            **Tidspunkt:** {{møde.tidspunkt}} · **Organisation:** {{organisation}}

            1. Situationsbillede (status siden sidste møde)
            2. Konsekvenser for borgere og drift
            3. Ressourcer og behov for bistand
            4. Kommunikation – internt og eksternt
            5. Beslutninger
            6. Opgaver: hvem gør hvad hvornår
            7. Næste møde
            """),
        ("Referat af krisestabsmøde", TemplateKind.Referat, """
            # Referat – krisestabsmøde {{møde.nummer}}

            **Hændelse:** {{hændelse.titel}} · **Dato:** {{dato}} · **Referent:** {{bruger}}

            ## Deltagere
            -

            ## Beslutninger
            | Nr. | Beslutning | Truffet af | Begrundelse |
            |---|---|---|---|
            | 1 | | | |

            ## Opgaver
            - [ ] Opgave – ansvarlig – frist

            ## Næste møde
            """),
        ("Situationsbillede", TemplateKind.Situationsbillede, """
            # Situationsbillede {{dato}} kl. {{tid}}

            **Hændelse:** {{hændelse.titel}} · **Område:** {{hændelse.område}} · **Niveau:** {{hændelse.niveau}}

            ## Hvad er sket
            ## Konsekvenser
            ## Indsatte ressourcer
            ## Forventet udvikling
            ## Meldinger fra centre og afdelinger
            ## Næste opdatering
            """),
        ("Pressemeddelelse", TemplateKind.Pressemeddelelse, """
            # {{hændelse.titel}}

            *{{organisation}}, {{dato}} kl. {{tid}}*

            **Hvad er sket:**

            **Hvad gør kommunen:**

            **Hvad skal borgerne gøre:**

            Yderligere oplysninger: pressetalsperson, tlf.
            """),
        ("Logindførsel", TemplateKind.Log, """
            **{{dato}} {{tid}}** – {{bruger}}

            - Type: information / beslutning / handling / ordre
            - Indhold:
            - Kilde:
            """),
    ];
}
