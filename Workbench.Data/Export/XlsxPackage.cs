using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Workbench.Data.Export;

/// <summary>
/// The .xlsx package, part by part, straight into a zip stream. DocumentFormat.OpenXml's own package API needs a
/// readable, seekable stream and keeps parts in memory; a zip in create mode streams to any writable stream (an HTTP
/// response), and the parts are still written with the SDK's typed elements.
/// </summary>
internal sealed class XlsxPackage(Stream output) : IDisposable
{
    private const string RelationshipsNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly XmlWriterSettings XmlSettings = new() { Encoding = new UTF8Encoding(false), CloseOutput = true };

    private readonly ZipArchive zip = new(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);

    public Stream OpenPart(string path) => zip.CreateEntry(path, CompressionLevel.Fastest).Open();

    public void WriteContentTypes(int sheets)
    {
        using var xml = XmlWriter.Create(OpenPart("[Content_Types].xml"), XmlSettings);
        const string ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        xml.WriteStartElement("Types", ns);
        Default(xml, ns, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default(xml, ns, "xml", "application/xml");
        Override(xml, ns, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
        for (var i = 1; i <= sheets; i++)
        {
            Override(xml, ns, $"/xl/worksheets/sheet{i}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
        }

        Override(xml, ns, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
        Override(xml, ns, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
        xml.WriteEndElement();
    }

    public void WritePackageRelationships() => WriteRelationships("_rels/.rels",
    [
        ("rId1", OfficeRelationships + "/officeDocument", "xl/workbook.xml"),
        ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
    ]);

    public void WriteCoreProperties(string title, string creator, DateTimeOffset created)
    {
        using var xml = XmlWriter.Create(OpenPart("docProps/core.xml"), XmlSettings);
        const string cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        const string dc = "http://purl.org/dc/elements/1.1/";
        const string dcterms = "http://purl.org/dc/terms/";
        const string xsi = "http://www.w3.org/2001/XMLSchema-instance";
        xml.WriteStartElement("cp", "coreProperties", cp);
        xml.WriteAttributeString("xmlns", "dc", null, dc);
        xml.WriteAttributeString("xmlns", "dcterms", null, dcterms);
        xml.WriteAttributeString("xmlns", "xsi", null, xsi);
        xml.WriteElementString("dc", "title", dc, title);
        xml.WriteElementString("dc", "creator", dc, creator);
        xml.WriteStartElement("dcterms", "created", dcterms);
        xml.WriteAttributeString("xsi", "type", xsi, "dcterms:W3CDTF");
        xml.WriteString(created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>The workbook: its sheets in order, and the autofilter's hidden defined name Excel expects for sheet 1.</summary>
    public void WriteWorkbook(IReadOnlyList<string> sheetNames, string filterRange)
    {
        var sheets = new Sheets(sheetNames.Select((name, i) => new Sheet { Name = name, SheetId = (uint)(i + 1), Id = $"rId{i + 1}" }));
        var workbook = new Workbook(
            new BookViews(new WorkbookView { ActiveTab = 0 }),
            sheets,
            new DefinedNames(new DefinedName($"'{sheetNames[0].Replace("'", "''", StringComparison.Ordinal)}'!{Absolute(filterRange)}")
            {
                Name = "_xlnm._FilterDatabase",
                LocalSheetId = 0,
                Hidden = true,
            }));
        workbook.AddNamespaceDeclaration("r", OfficeRelationships);
        WriteElement("xl/workbook.xml", workbook);

        var relationships = sheetNames.Select((_, i) => ($"rId{i + 1}", OfficeRelationships + "/worksheet", $"worksheets/sheet{i + 1}.xml")).ToList();
        relationships.Add(($"rId{sheetNames.Count + 1}", OfficeRelationships + "/styles", "styles.xml"));
        WriteRelationships("xl/_rels/workbook.xml.rels", relationships);
    }

    public void WriteStyles(XlsxStyles styles) => WriteElement("xl/styles.xml", styles.ToStylesheet());

    public void Dispose() => zip.Dispose();

    /// <summary>A1:D42 → $A$1:$D$42.</summary>
    private static string Absolute(string range) =>
        string.Join(':', range.Split(':').Select(cell =>
        {
            var digits = cell.IndexOfAny("0123456789".ToCharArray());
            return $"${cell[..digits]}${cell[digits..]}";
        }));

    private static void Default(XmlWriter xml, string ns, string extension, string contentType)
    {
        xml.WriteStartElement("Default", ns);
        xml.WriteAttributeString("Extension", extension);
        xml.WriteAttributeString("ContentType", contentType);
        xml.WriteEndElement();
    }

    private static void Override(XmlWriter xml, string ns, string part, string contentType)
    {
        xml.WriteStartElement("Override", ns);
        xml.WriteAttributeString("PartName", part);
        xml.WriteAttributeString("ContentType", contentType);
        xml.WriteEndElement();
    }

    private void WriteRelationships(string path, IEnumerable<(string Id, string Type, string Target)> relationships)
    {
        using var xml = XmlWriter.Create(OpenPart(path), XmlSettings);
        xml.WriteStartElement("Relationships", RelationshipsNs);
        foreach (var (id, type, target) in relationships)
        {
            xml.WriteStartElement("Relationship", RelationshipsNs);
            xml.WriteAttributeString("Id", id);
            xml.WriteAttributeString("Type", type);
            xml.WriteAttributeString("Target", target);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private void WriteElement(string path, OpenXmlElement element)
    {
        using var xml = XmlWriter.Create(OpenPart(path), XmlSettings);
        xml.WriteStartDocument(true);
        element.WriteTo(xml);
    }
}
