package org.trialsearch.source.ctgov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialsearch.Collected;
import org.trialsearch.SharedCorpus;
import org.trialsearch.model.Contact;
import org.trialsearch.model.Official;
import org.trialsearch.model.Site;
import org.trialsearch.model.SourceFormat;
import org.trialsearch.model.Trial;

class LegacyXmlReaderTest {

  @TempDir
  Path dir;

  @Test
  void readsEveryStudyStraightFromTheBulkZip() {
    Collected all = Collected.from(SharedCorpus.LEGACY_XML_ZIP);
    assertEquals(6909, all.trials.size());
    assertEquals(6908, new HashSet<>(all.trials.stream().map(Trial::nctId).toList()).size());
    assertEquals(List.of(), all.skipped);
  }

  @Test
  void contactsOfficialsPostalCodesAndTheVerifiedDateAreKept() {
    Collected all = Collected.from(SharedCorpus.LEGACY_XML_ZIP);
    Trial swansea = all.trial("NCT05381090");
    assertEquals(List.of(new Contact("Paola A Griffiths", "CONTACT", "0179260", "3849", "resgov@swansea.ac.uk"),
        new Contact("Kathie Wareham", "CONTACT", null, null, "kathie.wareham@wales.nhs.uk")), swansea.centralContacts());
    assertEquals(List.of(new Official("Jeffrey S Davies, BSc, PhD", "Principal Investigator", "Swansea University")), swansea.overallOfficials());
    assertEquals(List.of(new Site("Swansea University", "Swansea", null, "sa2 8pp", "United Kingdom", "Recruiting", null, null,
        List.of(new Contact("Kathie Wareham", "CONTACT", null, null, "kathie.wareham@wales.nhs.uk")))), swansea.sites());
    assertEquals("2022-06-01", swansea.statusVerified().toString());
    Site beijing = all.trial("NCT03204344").sites().get(0);
    assertEquals("100034", beijing.zip());
    assertEquals(List.of(new Contact("Dong-Xin Wang, MD, PhD", "CONTACT", "8610 83572784", null, "wangdongxin@hotmail.com"),
        new Contact("Xue Li, MD", "CONTACT", "8610 83572460", null, "3999165@163.com")), beijing.contacts());
    assertEquals("2017-09-01", all.trial("NCT03204344").statusVerified().toString());
  }

  @Test
  void aStudyKeepsWhatItsXmlStates() {
    Trial t = Collected.from(SharedCorpus.LEGACY_XML_ZIP).trial("NCT00000102");
    assertEquals(SourceFormat.CTGOV_XML, t.sources().get(0).format());
    assertTrue(t.sources().get(0).file().endsWith("ctgov-legacy-xml.zip!/NCT0000xxxx/NCT00000102.xml"));
    assertEquals("Congenital Adrenal Hyperplasia: Calcium Channels as Therapeutic Targets", t.briefTitle());
    assertEquals("NCRR-M01RR01070-0506", t.ids().orgStudyId());
    assertEquals(List.of("M01RR001070"), t.ids().otherIds());
    assertEquals("Completed", t.status());
    assertEquals(List.of("Phase 1/Phase 2"), t.phases());
    assertEquals(List.of("Congenital Adrenal Hyperplasia"), t.conditions());
    assertEquals("Nifedipine", t.interventions().get(0).name());
    assertEquals("National Center for Research Resources (NCRR)", t.sponsor().lead());
    assertEquals("NIH", t.sponsor().leadClass());
    assertEquals(14.0, t.eligibility().minimumAgeYears());
    assertEquals(35.0, t.eligibility().maximumAgeYears());
    assertEquals("-  diagnosed with Congenital Adrenal Hyperplasia (CAH)\n\n-  normal ECG during baseline evaluation", t.eligibility().inclusion());
    assertEquals("-  history of liver disease, or elevated liver function tests\n\n-  history of cardiovascular disease", t.eligibility().exclusion());
    assertEquals(List.of(new Site("Medical University of South Carolina", "Charleston", "South Carolina", "United States", null, null, null)), t.sites());
    assertEquals("2005-06-24", t.lastUpdate().toString());
    assertTrue(t.briefSummary().startsWith("This study will test the ability of extended release nifedipine (Procardia XL), a blood\npressure medication"));
  }

  @Test
  void criteriaWithoutHeadingsStayWhole() throws IOException {
    String xml = entry("NCT0000xxxx/NCT00000102.xml").replaceAll("(?s)<criteria>.*</criteria>",
        "<criteria><textblock>Adults with congenital adrenal hyperplasia.</textblock></criteria>");
    Trial t = Collected.from(Files.writeString(dir.resolve("study.xml"), xml)).only();
    assertEquals("Adults with congenital adrenal hyperplasia.", t.eligibility().criteria());
    assertEquals(false, t.eligibility().isSplit());
  }

  @Test
  void badFilesInAZipAreReportedAndTheGoodOnesRead() throws IOException {
    Path zip = dir.resolve("mixed.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      put(out, "good.xml", entry("NCT0000xxxx/NCT00000102.xml"));
      put(out, "notes.pdf", "%PDF-1.4 not a record");
      put(out, "broken.xml", "<clinical_study><id_info><nct_id>NCT00000104</nct_id></id_info><brief_title>cut off");
      put(out, "other.xml", "<catalog><item/></catalog>");
      put(out, "empty.xml", "");
    }
    Collected collected = Collected.from(zip);
    assertEquals(List.of("NCT00000102"), collected.trials.stream().map(Trial::nctId).toList());
    assertEquals(4, collected.skipped.size());
    assertTrue(collected.skipped.get(0).toString().endsWith("mixed.zip!/notes.pdf: not a supported trial record format"), collected.skipped.toString());
    assertTrue(collected.skipped.get(1).reason().startsWith("malformed XML at line 1"), collected.skipped.get(1).reason());
    assertEquals("XML but not a clinical_study record (root element <catalog>)", collected.skipped.get(2).reason());
    assertEquals("empty file", collected.skipped.get(3).reason());
  }

  private static String entry(String name) throws IOException {
    try (ZipFile zip = new ZipFile(SharedCorpus.LEGACY_XML_ZIP.toFile()); InputStream in = zip.getInputStream(zip.getEntry(name))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void put(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
