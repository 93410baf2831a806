using Stabsrum.Features.Goals.CostKeys;
using Stabsrum.Features.Goals.KeyFigures;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Goals;

internal sealed partial class GoalsDemoData
{
    /// <summary>Builds the demo rows for one organisation; every row carries the organisation id explicitly.</summary>
    private sealed class Seeder(StabsrumDbContext db, Guid org, DateTimeOffset now)
    {
        private const string Actor = "Demo (kvalitetskoordinator)";

        public void Nobr2025()
        {
            var plan = Add(new GoalPlan
            {
                Name = "NOBR2025",
                Kind = GoalPlanKind.Periode,
                StartYear = 2022,
                EndYear = 2025,
                CreatedAt = now,
                Description = "Plan for risikobaseret dimensionering for Nordjyllands Beredskab 2022–2025: 3 fokusområder, 31 handlingsplansmål og de initiativer, der igangsættes for at indfri dem."
            });
            var order = 0;
            FocusArea Area(string name, FocusArea? parent = null) =>
                Add(new FocusArea { PlanId = plan.Id, ParentId = parent?.Id, Name = name, SortOrder = ++order });

            var risk = Area("Risikoprofil");
            var coherence = Area("Sammenhæng i beredskabet");
            var prevention = Area("Det forebyggende arbejde");
            var technical = Area("Teknisk forebyggelse", prevention);
            var inspections = Area("Brandsyn", prevention);
            var tactical = Area("Taktisk", prevention);
            var operative = Area("Det operative beredskab");
            var capacity = Area("Operativ kapacitet og kompetencer", operative);
            var volunteers = Area("Frivillige", operative);
            var command = Area("Operativ ledelse", operative);
            var dispatch = Area("Vagtcentral", operative);
            var crisis = Area("Krisestyring", operative);
            var quality = Area("Kvalitetssikring, opfølgning og implementering");

            var goals = new Dictionary<int, Goal>();
            foreach (var (number, area, title) in new (int, FocusArea, string)[]
            {
                (1, risk, "Anvende risikoprofilen som et dynamisk værktøj til løbende tilpasning af beredskabet."),
                (2, coherence, "Sikre sammenhæng i beredskabet gennem videndeling og kompetenceudvikling af medarbejdere og ledere."),
                (3, coherence, "Planlægge og udvikle uddannelser med udgangspunkt i opsamlet viden, ideer og evaluering."),
                (4, coherence, "Skabe en evaluerings- og læringskultur, der påvirker adfærden og udvikle beredskabet."),
                (5, technical, "Videreudvikle samarbejdet med ejerkommunerne gennem samarbejdsaftaler, videndeling og rådgivning."),
                (6, technical, "Understøtte erhvervslivets udvikling omkring beredskabsfaglige forhold."),
                (7, technical, "Initiere videndeling på tværs af ejerkommunerne om brandtekniske emner."),
                (8, inspections, "Udvikle en model for ”det gode brandsyn” gennem videndeling og evaluering."),
                (9, inspections, "Tilpasse brandsynsplatformen, for at styrke videndeling mellem den forebyggende og den operative indsats."),
                (10, inspections, "Fremme brandsikkerheden på virksomheder med dialog og erfaring fra brandsyn."),
                (11, tactical, "Igangsætte og nå bredt ud med tryghedsskabende initiativer."),
                (12, tactical, "Målrette forebyggende kampagner ud fra et statistisk, evidensbaseret grundlag."),
                (13, tactical, "Udvikle organisationens faglige kvalifikationer indenfor adfærdspåvirkning og projektledelse."),
                (14, capacity, "Tilpasse beredskabet med baggrund i evaluering, ny teknologi og ændringer i risikoprofilen."),
                (15, capacity, "Udarbejde en fastholdelsesstrategi for alle operative medarbejdergrupper."),
                (16, capacity, "Planlægge vedligeholdelsesuddannelser med udgangspunkt i erfaringer og Erfagrupper."),
                (17, volunteers, "Udarbejde en plan for det frivillige beredskab med overblik over kompetencer og kapaciteter."),
                (18, volunteers, "Udarbejde konkret procedure for hvordan og hvornår frivilligenhederne aktiveres."),
                (19, volunteers, "Sikre at uddannelsen af og materiel til de frivillige målrettes opgaveporteføljen."),
                (20, command, "Videreudvikle arbejdet med modellen for beredskabsniveauer og procedurer for kapacitetsopbygning og assistance."),
                (21, command, "Strukturere den operative ledelse med tydelige funktioner, roller og ansvar."),
                (22, command, "Sikre en tidlig definering af ”mål med indsats”, der begrænser skadens omfang."),
                (23, dispatch, "Planlægge kompetenceudvikling og anvende tekniske løsninger, der forenkler opgaveløsningen og sikrer relevant viden."),
                (24, dispatch, "Understøtte den operative ledelse ved brug af eksisterende data og planmateriale."),
                (25, dispatch, "Sikre indsamling af data, til anvendelse, evaluering og læring bredt i hele beredskabet."),
                (26, crisis, "Anvende beredskabsfaglig viden til rådgivning og koordinering."),
                (27, crisis, "Understøtte den enkelte kommune, ved at tilbyde krisestyringsværktøjer, øvelser og uddannelse."),
                (28, crisis, "Udvikle en samarbejdsaftale om samordnet krisestyring med kommuner og samarbejdsparter."),
                (29, quality, "Implementere en metodik til at måle gevinster ved ”bløde mål”."),
                (30, quality, "Opnå fælles målopfyldelse gennem tværfaglige nøgletal der forpligter i hverdagen."),
                (31, quality, "Afrapportering og driftsstyring på initiativer for medarbejdere, ledere og bestyrelse."),
            })
            {
                goals[number] = Add(new Goal { PlanId = plan.Id, FocusAreaId = area.Id, Number = number, Title = title, Kind = GoalKind.Lokalt, CreatedAt = now });
            }

            var g29 = goals[29];
            g29.Owner = "Stab for kvalitet og udvikling";
            g29.Approach = "Der udarbejdes gevinstoverblik for de mål, der ikke kan måles direkte. Metoden afprøves på tre mål, evalueres og udbredes derefter til hele planen.";
            g29.FulfilmentRule = FulfilmentRule.Aktiviteter;
            g29.ExpectedBenefits = "Mål uden data kan vurderes objektivt; bestyrelsen ser effekten af de bløde mål på linje med de målbare.";
            g29.IndirectIndicators = "Andel af HP-mål med gevinstoverblik; antal evalueringer, der henviser til gevinstoverblikket; medarbejdernes kendskab til metoden.";
            Initiative(g29, 1, "Beskrive metoden for gevinstoverblik og indirekte indikatorer", "Kvalitetskoordinator", Schedule.Quarter(2022, 2), (InitiativeStatus.Implementeret, "Metodebeskrivelse godkendt i ledergruppen", 2022, 6));
            Initiative(g29, 2, "Afprøve gevinstoverblik på tre udvalgte HP-mål", "Forebyggende afdeling", Schedule.Quarter(2022, 2), (InitiativeStatus.Implementeret, "Afprøvet på mål 4, 8 og 11", 2022, 9));
            Initiative(g29, 3, "Evaluere afprøvningen og tilpasse skalaen for kvalitative vurderinger", "Kvalitetskoordinator", Schedule.Quarter(2024, 1), (InitiativeStatus.Implementeret, "Skalaen er ændret til 5 trin", 2024, 3));
            Initiative(g29, 4, "Udbrede gevinstoverblik til alle mål uden nøgletal", "Ledergruppen", Schedule.Quarter(2024, 1), (InitiativeStatus.Igangsat, "Halvdelen af målene har gevinstoverblik", 2024, 5));
            Assessment(g29, "2023", 2, "Metoden er afprøvet på tre mål; to af dem har fået indirekte indikatorer.");
            Assessment(g29, "2024", 3, "Gevinstoverblik indgår i halvårsstatus til bestyrelsen for 9 mål.");
            Assessment(g29, "2025", 4, "Ledere bruger gevinstoverblikket i MUS og evalueringer; 14 mål har overblik.");

            var g30 = goals[30];
            g30.Owner = "Operativ chef";
            var response = Figure(g30, "Gennemsnitlig responstid til A-kørsler", KeyFigureUnit.Minutter, Direction.LavereErBedre, "2022", 11.2m, "2025", 10m,
                "Tid fra alarmering til første enhed er fremme, gennemsnit for året.", "Vagtcentralens udkaldssystem", "Vagtcentralen", Frequency.Kvartalsvis,
                ("2022", 11.2m), ("2023", 10.9m), ("2024", 10.6m), ("2025", 10.4m));
            g30.FulfilmentRule = FulfilmentRule.Noegletal;
            g30.FulfilmentKeyFigureId = response.Id;
            Initiative(g30, 1, "Fastlægge fælles nøgletal for operativ og forebyggende afdeling", "Ledergruppen", Schedule.Quarter(2022, 4), (InitiativeStatus.Implementeret, null, 2022, 12));
            Initiative(g30, 2, "Månedlig opfølgning på nøgletal på stationsmøder", "Stationsledere", Schedule.Quarter(2023, 2), (InitiativeStatus.Implementeret, null, 2023, 5));

            var g8 = goals[8];
            var inspectionsOnTime = Figure(g8, "Brandsyn gennemført inden for fristen", KeyFigureUnit.Procent, Direction.HoejereErBedre, "2022", 82m, "2025", 95m,
                "Andel af lovpligtige brandsyn gennemført inden for brandsynsfristen.", "Brandsynsplatformen", "Forebyggende afdeling", Frequency.Halvaarlig,
                ("H1 2023", 85m), ("H2 2023", 87.5m), ("H1 2024", 90m), ("H2 2024", 91.5m), ("H1 2025", 93m));
            g8.FulfilmentRule = FulfilmentRule.Noegletal;
            g8.FulfilmentKeyFigureId = inspectionsOnTime.Id;
            Initiative(g8, 1, "Beskrive ”det gode brandsyn” sammen med brandsynsmedarbejderne", "Forebyggende afdeling", Schedule.Quarter(2022, 3), (InitiativeStatus.Implementeret, null, 2022, 9));
            Initiative(g8, 2, "Systematisk evaluering af brandsyn med virksomhederne", "Forebyggende afdeling", Schedule.Quarter(2023, 4), (InitiativeStatus.Igangsat, "Spørgeskema sendes efter hvert brandsyn", 2023, 10));

            Initiative(goals[4], 1, "Evaluering efter alle større hændelser", "Indsatsledere", Schedule.Quarter(2022, 4), (InitiativeStatus.Implementeret, null, 2022, 11));
            Initiative(goals[4], 2, "Læringsforum på tværs af stationer", "HR og uddannelse", Schedule.Quarter(2026, 2), (InitiativeStatus.IgangsaettesJfTidsplan, null, 2025, 1));
            Initiative(goals[17], 1, "Kortlægge de frivilliges kompetencer og kapaciteter", "Frivilligkoordinator", Schedule.Quarter(2023, 1), (InitiativeStatus.Implementeret, null, 2023, 3));
            Initiative(goals[18], 1, "Aktiveringsprocedure for frivilligenheder", "Frivilligkoordinator", Schedule.Quarter(2023, 3), (InitiativeStatus.UdskudtFravalgt, "Afventer ny bekendtgørelse om frivillige i beredskabet (lovgivningen ændres)", 2023, 8));
            Initiative(goals[21], 1, "Rollekort for indsatsledelse", "Operativ chef", Schedule.Range(new DateOnly(2023, 1, 1), new DateOnly(2023, 6, 30)), (InitiativeStatus.Implementeret, null, 2023, 6));
            Initiative(goals[28], 1, "Udkast til samarbejdsaftale om samordnet krisestyring", "Beredskabsdirektør", Schedule.Quarter(2026, 4), (InitiativeStatus.IgangsaettesJfTidsplan, null, 2025, 1));

            var g31 = goals[31];
            Line(g31, "Beredskabsdirektøren", "Bestyrelsen", Frequency.Halvaarlig, "Halvårsstatus på HP-mål og initiativer", new DateOnly(2022, 8, 31));
            Line(g31, "Nordjyllands Beredskab", "De 11 ejerkommuner", Frequency.Aarlig, "Årsrapport", new DateOnly(2023, 4, 30));
            Line(g31, "Ledergruppen", "Medarbejdere", Frequency.Kvartalsvis, "Status på personalemøder");
        }

        public void ResultsContract2023()
        {
            var plan = Add(new GoalPlan
            {
                Name = "Resultatkontrakt 2023 (Erhvervshus Nordjylland)",
                Kind = GoalPlanKind.Kontraktaar,
                StartYear = 2023,
                EndYear = 2023,
                CreatedAt = now,
                Description = "Resultatkontrakt mellem KKR Nordjylland og Erhvervshus Nordjylland: nationalt fastsatte mål fra rammeaftalen 2021–2023 og lokale mål."
            });
            var national = Add(new FocusArea { PlanId = plan.Id, Name = "Nationalt fastsatte mål", SortOrder = 1 });
            var local = Add(new FocusArea { PlanId = plan.Id, Name = "Lokale mål", SortOrder = 2 });
            Goal G(int n, string title, bool isNational) => Add(new Goal { PlanId = plan.Id, FocusAreaId = (isNational ? national : local).Id, Number = n, Title = title, Kind = isNational ? GoalKind.Nationalt : GoalKind.Lokalt, Owner = "Direktøren, Erhvervshus Nordjylland", CreatedAt = now });
            const string Ess = "Erhvervsstyrelsen";

            var g1 = G(1, "Virksomhedernes kendskab til Erhvervshusene", true);
            ByFigure(g1, Figure(g1, "Kendskabsgrad til Erhvervshus Nordjylland", KeyFigureUnit.Procent, Direction.HoejereErBedre, "2021", 36m, "2023", 50m,
                "Opgøres ved afrapportering på den gennemførte kendskabskampagne.", "Kendskabsmåling", Ess, Frequency.Aarlig, ("2023", 47m)));
            Line(g1, Ess, "Erhvervshusene og KL", Frequency.Aarlig, "Andelen af nye vejledte virksomheder");
            var g2 = G(2, "Bred geografisk spredning", true);
            g2.FulfilmentRule = FulfilmentRule.Manuel;
            g2.ManualPercent = 80;
            g2.ManualJustification = "Vejledte virksomheder i alle 11 kommuner; spredningen er drøftet på de bilaterale møder, men to landkommuner ligger under deres andel.";
            Line(g2, "Erhvervshus Nordjylland", "KKR Nordjylland, KL og Erhvervsstyrelsen", Frequency.Aarlig, null);
            var g3 = G(3, "Kvalitet, kompetencer og virksomhedernes tilfredshed", true);
            ByFigure(g3, Figure(g3, "Meget tilfredse med medarbejdernes faglige kompetencer", KeyFigureUnit.Procent, Direction.HoejereErBedre, null, null, "2023", 80m,
                "Brugerevalueringen: »Hvor tilfreds er du med erhvervshusmedarbejderens faglige kompetencer«.", "Brugerevalueringssystemet", Ess, Frequency.Aarlig, ("2023", 84m)));
            var g4 = G(4, "Erhvervshusenes knudepunktsfunktion", true);
            ByFigure(g4, Figure(g4, "Henviste virksomheder der har benyttet henvisningen", KeyFigureUnit.Procent, Direction.HoejereErBedre, "2022", 47m, "2023", 50m,
                "Virksomheder, der har modtaget specialiseret vejledning i 2023 og er tilmeldt brugerevaluering.", "Brugerevalueringssystemet", Ess, Frequency.Aarlig, ("2023", 48.5m)));
            var g5 = G(5, "Grøn omstilling og cirkulær økonomi", true);
            ByFigure(g5, Figure(g5, "Kendskab til ydelser inden for bæredygtighed", KeyFigureUnit.Procent, Direction.HoejereErBedre, "2020", 64m, "2023", 74m,
                "Af gruppen, der kender Erhvervshuset, efteråret 2023.", "Kendskabsmåling", Ess, Frequency.Aarlig, ("2021", 69m), ("2023", 72m)));
            var g6 = G(6, "Effekt i virksomhederne", true);
            ByFigure(g6, Figure(g6, "Forventer i høj grad positiv effekt af vejledningen", KeyFigureUnit.Procent, Direction.HoejereErBedre, null, null, "2023", 70m,
                "Brugerevalueringen: »I hvor høj grad vurderer du, at vejledning vil have en positiv effekt«.", "Brugerevalueringssystemet", Ess, Frequency.Aarlig, ("2023", 72m)));
            var g7 = G(7, "Digitalisering og nye teknologier", true);
            ByFigure(g7, Figure(g7, "Positiv effekt af vejledning om digitalisering", KeyFigureUnit.Procent, Direction.HoejereErBedre, null, null, "2023", 70m,
                "Kun virksomheder vejledt inden for digitalisering og automatisering.", "Brugerevalueringssystemet", Ess, Frequency.Aarlig, ("2023", 66m)));
            foreach (var g in new[] { g3, g4, g6, g7 })
            {
                Line(g, Ess, "KL og Erhvervshusene", Frequency.Aarlig, null);
                Line(g, "Erhvervshus Nordjylland", "KKR Nordjylland", Frequency.Aarlig, null);
            }

            var g8 = G(8, "Styrket regional strategi og styrket indsats", false);
            Activities(g8,
                ("Udmønte nye midler til virksomhedernes udviklingsindsats på de 8 områder", InitiativeStatus.Implementeret),
                ("Styrke nye statslige prioriteringer regionalt (AddSmart og CO2Vision)", InitiativeStatus.Implementeret),
                ("Facilitere en ny nordjysk strategi for decentral erhvervsfremme 2024–2027", InitiativeStatus.Igangsat));
            var g9 = G(9, "Styrket regionalt samarbejde", false);
            Activities(g9,
                ("Fælles ejerskab til projekt- og programtilbud gennem de bilaterale samarbejdsaftaler", InitiativeStatus.Implementeret),
                ("Geografisk spredning og lige adgang for alle virksomheder", InitiativeStatus.Implementeret),
                ("Årligt møde med borgmester og erhvervschef i hver kommune", InitiativeStatus.Implementeret),
                ("Samarbejde med jobcentre og vidensinstitutioner om kompetenceudvikling", InitiativeStatus.Igangsat),
                ("Gøre de nationale klynger tilgængelige for nordjyske virksomheder", InitiativeStatus.Implementeret));
            var g10 = G(10, "Grøn omstilling og cirkulær økonomi regionalt", false);
            Activities(g10,
                ("Formidle screeningsværktøjer til kommunernes miljøafdelinger og erhvervskontorer", InitiativeStatus.Implementeret),
                ("Udmønte udviklingsmidler til SMV’er (Virksomhedsprogram 2.0, Grønne Kompetencer)", InitiativeStatus.Implementeret),
                ("Styrke vejledningen om grøn omstilling med henblik på CCUS", InitiativeStatus.Igangsat),
                ("Intern strategi for Erhvervshusets bidrag til CO2-reduktion", InitiativeStatus.IgangsaettesJfTidsplan));
            var g11 = G(11, "Specialiseret vejledning til Erhvervshusenes forskellige målgrupper", false);
            ByFigure(g11, Figure(g11, "Unikke vejledte virksomheder", KeyFigureUnit.Antal, Direction.HoejereErBedre, null, null, "2023", 800m,
                "Afrapportering på antal vejledte kunder inden for de 4 kategorier.", "CRM", "Erhvervshus Nordjylland", Frequency.Aarlig, ("H1 2023", 430m), ("2023", 812m)));
            foreach (var g in new[] { g8, g9, g10, g11 })
            {
                Line(g, "Erhvervshus Nordjylland", "KKR Nordjylland", Frequency.Aarlig, null);
            }
        }

        public void BaseGrantKey()
        {
            Add(new CostKey
            {
                Name = "Basisbevilling 2023 (Erhvervshus Nordjylland)",
                Method = CostKeyMethod.Indbyggertal,
                PopulationDate = new DateOnly(2022, 1, 1),
                Note = "Bopælskommunefolketal pr. 1. kvt. 2022. Basisbevillingen 2023 er 17,645 mio. kr.",
                CreatedAt = now,
                Shares = Owners.Select((o, i) => new CostKeyShare { OrganisationId = org, Municipality = o.Name, Weight = o.Population, SortOrder = i + 1 }).ToList(),
            });
            Add(new CostKey
            {
                Name = "Ligelig fordeling",
                Method = CostKeyMethod.Ligelig,
                CreatedAt = now,
                Shares = Owners.Select((o, i) => new CostKeyShare { OrganisationId = org, Municipality = o.Name, Weight = 1, SortOrder = i + 1 }).ToList(),
            });
        }

        private void Activities(Goal goal, params (string Text, InitiativeStatus Status)[] activities)
        {
            goal.FulfilmentRule = FulfilmentRule.Aktiviteter;
            for (var i = 0; i < activities.Length; i++)
            {
                var (text, status) = activities[i];
                Initiative(goal, i + 1, text, "Erhvervshus Nordjylland", Schedule.Range(new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31)), (status, status == InitiativeStatus.Implementeret ? "Afrapporteret til KKR" : null, 2023, 11));
            }
        }

        private static void ByFigure(Goal goal, KeyFigure figure)
        {
            goal.FulfilmentRule = FulfilmentRule.Noegletal;
            goal.FulfilmentKeyFigureId = figure.Id;
        }

        private void Initiative(Goal goal, int sequence, string text, string responsible, Schedule schedule, (InitiativeStatus Status, string? Comment, int Year, int Month) status)
        {
            var created = new DateTimeOffset(2022, 3, 1, 8, 0, 0, TimeSpan.Zero);
            var changed = new DateTimeOffset(status.Year, status.Month, 15, 10, 0, 0, TimeSpan.Zero);
            var initiative = Add(new Initiative
            {
                GoalId = goal.Id,
                Sequence = sequence,
                Text = text,
                Responsible = responsible,
                Schedule = schedule,
                Status = status.Status,
                ImplementedAt = status.Status == InitiativeStatus.Implementeret ? changed : null,
                CreatedAt = created,
            });
            Add(new InitiativeStatusChange { InitiativeId = initiative.Id, ToStatus = InitiativeStatus.IgangsaettesJfTidsplan, Comment = "Oprettet", ChangedAt = created, ChangedBy = Actor });
            if (status.Status != InitiativeStatus.IgangsaettesJfTidsplan)
            {
                Add(new InitiativeStatusChange { InitiativeId = initiative.Id, FromStatus = InitiativeStatus.IgangsaettesJfTidsplan, ToStatus = status.Status, Comment = status.Comment, ChangedAt = changed, ChangedBy = Actor });
            }
        }

        private KeyFigure Figure(Goal goal, string name, KeyFigureUnit unit, Direction direction, string? baselinePeriod, decimal? baseline, string targetPeriod, decimal target,
            string method, string source, string measuredBy, Frequency frequency, params (string Period, decimal Value)[] series)
        {
            var figure = Add(new KeyFigure
            {
                GoalId = goal.Id,
                Name = name,
                Unit = unit,
                Direction = direction,
                BaselinePeriod = baselinePeriod,
                BaselineValue = baseline,
                TargetPeriod = targetPeriod,
                TargetValue = target,
                Method = method,
                DataSource = source,
                MeasuredBy = measuredBy,
                Frequency = frequency,
                CreatedAt = now,
            });
            foreach (var (text, value) in series)
            {
                var period = Period.Parse(text);
                Add(new Measurement { KeyFigureId = figure.Id, Period = period.Text, PeriodStart = period.Start, Value = value, EnteredAt = now, EnteredBy = Actor });
            }

            return figure;
        }

        private void Assessment(Goal goal, string period, int score, string evidence)
        {
            var p = Period.Parse(period);
            Add(new BenefitAssessment { GoalId = goal.Id, Period = p.Text, PeriodStart = p.Start, Score = score, Evidence = evidence, AssessedAt = now, AssessedBy = Actor });
        }

        private void Line(Goal goal, string reporter, string recipient, Frequency frequency, string? note, DateOnly? firstDueOn = null) =>
            Add(new ReportingLine { GoalId = goal.Id, Reporter = reporter, Recipient = recipient, Frequency = frequency, Note = note, FirstDueOn = firstDueOn });

        private T Add<T>(T entity)
            where T : class, IOrganisationOwned
        {
            entity.OrganisationId = org;
            db.Add(entity);
            return entity;
        }
    }
}
