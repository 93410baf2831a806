using Stabsrum.Infrastructure.Pdf;

namespace Stabsrum.Features.CaseFile;

/// <summary>
/// A case-file chapter that lays itself out for our own PDF writer (ADR 0017), next to its partial view for the HTML.
/// Both render <see cref="CaseFileChapter.Data"/> with the same wording; tests read the PDF's text and compare it with
/// the HTML's. A section without this interface still works: the whole case file then goes through Chromium.
/// </summary>
public interface ICaseFilePdfChapter
{
    /// <param name="pdf">The flow to write into; the chapter heading is already written.</param>
    /// <param name="data">The chapter's <see cref="CaseFileChapter.Data"/> as its <see cref="ICaseFileSection.LoadAsync"/> made it.</param>
    void WritePdf(PdfFlow pdf, object data);
}

/// <summary>
/// The case file as PDF without Chromium: cover, one chapter per section each on a new page, and the verification,
/// the same text as <c>CaseFileDocument.cshtml</c>. Streams pages as they fill, so a 10,000-entry log costs seconds,
/// not the minutes and gigabyte Chromium needs to lay out the same document.
/// </summary>
public sealed class CaseFilePdf(PdfFonts fonts)
{
    public const float Title = 16, Chapter = 13, Sub = 11, Minor = 10;

    /// <summary>Whether this writer can produce the document: the fonts are readable and every chapter can lay itself out.</summary>
    public bool CanWrite(CaseFileDocument document) =>
        fonts.Get() is not null && document.Chapters.All(c => c.Section is ICaseFilePdfChapter);

    public byte[] Write(CaseFileDocument document)
    {
        var fontList = fonts.Get() ?? throw new PdfUnavailableException("PDF kan ikke dannes, fordi skrifttyperne ikke findes på serveren.");
        using var output = new MemoryStream();
        using (var writer = new PdfDocumentWriter(output, fontList, "Sagsakt – " + document.IncidentTitle))
        {
            var pdf = new PdfFlow(writer, "Sagsakt: " + document.IncidentTitle);
            Cover(pdf, document);
            foreach (var chapter in document.Chapters)
            {
                pdf.NewPage();
                pdf.Heading($"{chapter.Number}. {chapter.Section.Title}", Chapter);
                ((ICaseFilePdfChapter)chapter.Section).WritePdf(pdf, chapter.Chapter.Data);
            }

            pdf.NewPage();
            Verification(pdf, document);
            pdf.Finish();
        }

        return output.ToArray();
    }

    private static void Cover(PdfFlow pdf, CaseFileDocument document)
    {
        var v = document.Verification;
        if (document.IsExercise)
        {
            pdf.Framed(PdfParagraph.Of("ØVELSE", bold: true, size: 12, spaceAfter: 10), 2);
        }

        pdf.Heading("Sagsakt: " + document.IncidentTitle, Title);
        pdf.Paragraph(document.OrganisationName);
        pdf.Paragraph($"Dannet {CaseFileTime.Format(document.GeneratedAt)} af {document.GeneratedBy}.");
        if (!v.Intact)
        {
            pdf.Framed(PdfParagraph.Of(
                $"ADVARSEL: Loggens hashkæde er BRUDT ved post nr. {v.BrokenAtSequence}. {v.Problem} Loggen kan være ændret efter den blev skrevet.",
                bold: true, size: 11, spaceAfter: 8), 3);
        }
        else
        {
            pdf.Paragraph($"Loggens hashkæde er verificeret intakt ({v.EntriesChecked} poster).");
        }

        pdf.Paragraph(document.IncludesConfidential
            ? "Fortrolige poster er medtaget: den, der dannede sagsakten, er sikkerhedsgodkendt."
            : "Fortrolige poster er IKKE medtaget (udeladt indhold er markeret): den, der dannede sagsakten, er ikke sikkerhedsgodkendt.");
        pdf.Paragraph("Tidspunkter er dansk tid med forskydning fra UTC.");
        pdf.Heading("Indhold", Chapter);
        foreach (var c in document.Chapters)
        {
            pdf.Paragraph(PdfParagraph.Of($"{c.Number}. {c.Section.Title}", indent: 12, spaceAfter: 2));
        }

        pdf.Paragraph(PdfParagraph.Of($"{document.Chapters.Count + 1}. Verifikation af loggens hashkæde", indent: 12));
    }

    private static void Verification(PdfFlow pdf, CaseFileDocument document)
    {
        var v = document.Verification;
        pdf.Heading($"{document.Chapters.Count + 1}. Verifikation af loggens hashkæde", Chapter);
        if (v.Intact)
        {
            pdf.Paragraph($"Resultat: INTAKT. {v.EntriesChecked} poster kontrolleret; hver posts hash passer med dens indhold og den foregående post, og bilagenes SHA-256 passer.");
        }
        else
        {
            pdf.Framed(PdfParagraph.Of($"Resultat: BRUDT ved post nr. {v.BrokenAtSequence}. {v.Problem} {v.EntriesChecked} poster før bruddet er kontrolleret.", bold: true, size: 11), 3);
        }

        pdf.Paragraph(new PdfParagraph([new PdfSpan("Hoved-hash: "), new PdfSpan(v.HeadHash)]));
    }
}
