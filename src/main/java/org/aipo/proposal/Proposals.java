package org.aipo.proposal;

import org.aipo.common.DomainException;
import org.aipo.common.Text;

import org.aipo.call.Call;
import org.aipo.call.Calls;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.aipo.audit.AuditLog;

/**
 * Proposal drafts, always within one organisation: another organisation's proposal is "not found",
 * never shown or changed.
 */
@ApplicationScoped
@Transactional
public class Proposals implements FormalCheckRecorder {

  public static final String SUBJECT_TYPE = "proposal";

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  @Inject
  Calls calls;

  @Inject
  AuditLog auditLog;

  @Inject
  org.aipo.applicant.Registration registration;

  @Inject
  org.aipo.platform.WorkflowEngine workflowEngine;

  private final Clock clock = Clock.systemUTC();

  @Inject
  org.aipo.filing.AiServices aiServices;

  @Inject
  org.aipo.storage.Storage storage;

  @Inject
  org.aipo.config.Settings settings;

  @Inject
  org.aipo.expert.ExpertPool expertPool;

  public Proposal createDraft(String callId, String organisationId, Proposal.Content content, String userId) {
    return createDraft(callId, organisationId, content, null, userId);
  }

  /** A draft with the filing numbers of the models it uses (checked for form, see {@link org.aipo.filing.FilingNumber}). */
  public Proposal createDraft(String callId, String organisationId, Proposal.Content content, List<String> modelFilingNumbers, String userId) {
    return createDraft(callId, organisationId, content, modelFilingNumbers, null, userId);
  }

  /**
   * A draft with its particulars (issue 27): co-applicants, scenarios, exclusions, indicators, each list null for
   * none yet; checked against the call (its scenarios) and the setting {@code aipo.proposal.maxExclusions}.
   */
  public Proposal createDraft(String callId, String organisationId, Proposal.Content content, List<String> modelFilingNumbers,
      Particulars.Given particulars, String userId) {
    Call call = calls.require(callId);
    if (!call.isOpenAt(clock.instant())) {
      throw DomainException.conflict("call.closed", "callId", "该征集当前不受理申报（受理时间 " + call.getOpensAt() + " 至 " + call.getClosesAt() + "）",
          "the call is not open for proposals (open " + call.getOpensAt() + " to " + call.getClosesAt() + ")");
    }
    Proposal proposal = new Proposal(call, organisationId, content, userId, clock.instant());
    proposal.declareModelFilingNumbers(filingNumbers(modelFilingNumbers));
    proposal.declareParticulars(checked(particulars, proposal, call));
    entityManager.persist(proposal);
    auditLog.record(userId, "proposal.drafted", SUBJECT_TYPE, proposal.getId(), content.title());
    return proposal;
  }

  public Proposal save(String proposalId, String organisationId, Proposal.Content content, String userId) {
    return save(proposalId, organisationId, content, null, userId);
  }

  /** Saves the draft and, when given, the filing numbers of the models it uses. */
  public Proposal save(String proposalId, String organisationId, Proposal.Content content, List<String> modelFilingNumbers, String userId) {
    return save(proposalId, organisationId, content, modelFilingNumbers, null, userId);
  }

  /** Saves the draft; of the particulars, a list given (even empty) replaces the stored one, a null list keeps it. */
  public Proposal save(String proposalId, String organisationId, Proposal.Content content, List<String> modelFilingNumbers,
      Particulars.Given particulars, String userId) {
    Proposal proposal = own(proposalId, organisationId);
    Call call = calls.require(proposal.getCallId());
    proposal.update(call, content, clock.instant());
    proposal.declareModelFilingNumbers(filingNumbers(modelFilingNumbers));
    proposal.declareParticulars(checked(particulars, proposal, call));
    auditLog.record(userId, "proposal.saved", SUBJECT_TYPE, proposal.getId(), null);
    return proposal;
  }

  /**
   * Submits the draft and starts its formal check, in one transaction. Submitting again (a retry after
   * a timeout) returns the same proposal and starts nothing.
   */
  public Proposal submit(String proposalId, String organisationId, String userId) {
    Proposal proposal = own(proposalId, organisationId);
    // the call's row locked: its closing (CallStageService.close) waits for this submission, or this one sees it closed
    Call call = calls.requireLocked(proposal.getCallId());
    if (proposal.getStatus() == Proposal.Status.DRAFT) {
      proposal.checkSubmittable(call, clock.instant());
      requireDocuments(proposal, call);
      requireFiledModels(proposal, call);
    }
    if (proposal.submit(call, clock.instant())) {
      workflowEngine.processEngine().getRuntimeService().startProcessInstanceByKey(FormalCheckProcess.PROCESS_KEY,
          proposal.getId(), java.util.Map.of(FormalCheckProcess.VAR_PROPOSAL, proposal.getId()));
      auditLog.record(userId, "proposal.submitted", SUBJECT_TYPE, proposal.getId(), null);
      // the last step before the commit: still open now? Otherwise the whole submission (process, audit) rolls back and
      // the draft stays as it was, with its documents; never accepted after the close
      proposal.checkSubmittable(call, clock.instant());
    }
    return proposal;
  }

  /**
   * The particulars as given, checked (400 naming the value), each null list replaced by the proposal's stored one;
   * null when nothing was given. A co-applicant is another organisation than the applicant.
   */
  private Particulars checked(Particulars.Given given, Proposal proposal, Call call) {
    if (given == null) {
      return null;
    }
    Particulars stored = proposal.particulars();
    Particulars checked = Particulars.check(given.coApplicants(), given.scenarios(), given.exclusions(), given.indicators(),
        call.getScenarios(), settings.maxExclusions());
    org.aipo.applicant.Organisation applicant = entityManager.find(org.aipo.applicant.Organisation.class, proposal.getOrganisationId());
    String own = applicant == null ? null : applicant.getCreditCode();
    for (int i = 0; i < checked.coApplicants().size(); i++) {
      if (checked.coApplicants().get(i).creditCode().equals(own)) {
        throw DomainException.badInput("proposal.co-applicant-self", "coApplicants[" + i + "].creditCode",
            "coApplicants[" + i + "]：合作申报单位不能是申报单位自身", "coApplicants[" + i + "]: a co-applicant is another organisation than the applicant");
      }
    }
    return new Particulars(given.coApplicants() == null ? stored.coApplicants() : checked.coApplicants(),
        given.scenarios() == null ? stored.scenarios() : checked.scenarios(),
        given.exclusions() == null ? stored.exclusions() : checked.exclusions(),
        given.indicators() == null ? stored.indicators() : checked.indicators());
  }

  /**
   * What the draw must avoid for each proposal (issue 27): its co-applicants' organisation names, and the experts its
   * exclusions name, matched against the whole expert pool now (by full name and organisation, or every expert of an
   * excluded organisation). Keyed by proposal id; the pool is read once.
   */
  public java.util.Map<String, Particulars.Avoiding> avoidanceOf(java.util.Collection<Proposal> of) {
    java.util.Map<String, Particulars.PoolEntry> pool = new java.util.HashMap<>();
    for (org.aipo.expert.Expert expert : expertPool.all()) {
      pool.put(expert.getId(), new Particulars.PoolEntry(expert.getName(), expert.getOrganisation()));
    }
    java.util.Map<String, Particulars.Avoiding> avoiding = new java.util.HashMap<>();
    of.forEach(p -> avoiding.put(p.getId(), p.particulars().avoiding(pool)));
    return avoiding;
  }

  /** Filing numbers in their stored form; a 400 names the first malformed one ({@code modelFilingNumbers[i]}). */
  static List<String> filingNumbers(List<String> numbers) {
    if (numbers == null) {
      return null;
    }
    if (numbers.size() > 10) {
      throw DomainException.badInput("proposal.too-many-models", "modelFilingNumbers", "modelFilingNumbers 最多 10 个", "modelFilingNumbers: at most 10");
    }
    List<String> stored = new java.util.ArrayList<>();
    for (int i = 0; i < numbers.size(); i++) {
      String number = org.aipo.filing.FilingNumber.normalise(numbers.get(i), "modelFilingNumbers[" + i + "]");
      if (!stored.contains(number)) {
        stored.add(number);
      }
    }
    return stored;
  }

  /**
   * A call that requires filed models (issue 24): the proposal names at least one model by its filing number, and every
   * number is that of a FILED service in the register; otherwise the submission is refused naming the field.
   */
  private void requireFiledModels(Proposal proposal, Call call) {
    if (!call.isRequiresFiledModels()) {
      return;
    }
    List<String> numbers = proposal.getModelFilingNumbers();
    if (numbers.isEmpty()) {
      throw DomainException.badInput("proposal.models-required", "modelFilingNumbers", "本征集要求所用模型均已备案：请填写所用模型的备案号",
          "modelFilingNumbers: this call requires every model used to be filed; give the models' filing numbers");
    }
    for (int i = 0; i < numbers.size(); i++) {
      if (!aiServices.isFiled(numbers.get(i))) {
        throw DomainException.badInput("proposal.model-not-filed", "modelFilingNumbers[" + i + "]", "modelFilingNumbers[" + i + "]：备案号 "
            + numbers.get(i) + " 不在 AI 服务登记册的已备案服务中；本征集要求所用模型均已备案", "modelFilingNumbers[" + i + "]: " + numbers.get(i)
            + " is not the number of a filed service in the AI-service register; this call requires every model used to be filed");
      }
    }
  }

  /** The applicant's correction after a return: content saved and the formal check resumed. */
  public Proposal correct(String proposalId, String organisationId, Proposal.Content content, String userId) {
    return correct(proposalId, organisationId, content, null, userId);
  }

  /** The correction with the particulars (a null list keeps the stored one). */
  public Proposal correct(String proposalId, String organisationId, Proposal.Content content, Particulars.Given particulars, String userId) {
    Proposal proposal = own(proposalId, organisationId);
    Call call = calls.require(proposal.getCallId());
    if (proposal.getStatus() == Proposal.Status.RETURNED) {
      requireDocuments(proposal, call);
      proposal.declareParticulars(checked(particulars, proposal, call));
    }
    proposal.correct(call, content, clock.instant());
    workflowEngine.processEngine().getRuntimeService().createMessageCorrelation(FormalCheckProcess.MESSAGE_CORRECTED)
        .processInstanceBusinessKey(proposal.getId()).correlate();
    auditLog.record(userId, "proposal.corrected", SUBJECT_TYPE, proposal.getId(), null);
    return proposal;
  }

  /**
   * Attaches a PDF of a kind the call takes to a draft or a returned proposal. Refused, with nothing stored, when
   * the call does not take the kind, the proposal already has as many of it as the call allows, the file is larger
   * than the kind allows, or it is not a readable, unencrypted PDF.
   */
  public Attachment attach(String proposalId, String organisationId, String fileName, String kind, org.aipo.storage.Spool upload, String userId) {
    Proposal proposal = own(proposalId, organisationId);
    requireEditable(proposal);
    if (kind == null || kind.isBlank()) {
      throw DomainException.badInput("attachment.kind-required", "kind", "请说明文件的材料类型（kind：application、budget、qualification 或 other）",
          "kind is required: application, budget, qualification or other");
    }
    org.aipo.call.DocumentKind.Code code = org.aipo.call.DocumentKind.Code.of(kind, "kind");
    Call call = calls.require(proposal.getCallId());
    org.aipo.call.DocumentKind rule = call.documentKind(code.code()).orElseThrow(() -> DomainException.badInput("attachment.kind-not-allowed", "kind",
        (fileName == null ? "" : fileName + ": ") + "本征集不接受“" + code.label() + "”类材料；可用类型："
            + call.getDocumentKinds().stream().map(org.aipo.call.DocumentKind::getKind).toList(),
        (fileName == null ? "" : fileName + ": ") + "this call takes no " + code.code() + " documents; it takes "
            + call.getDocumentKinds().stream().map(org.aipo.call.DocumentKind::getKind).toList()));
    long already = attachmentsOf(proposal.getId()).stream().filter(a -> a.getKind().equals(code.code())).count();
    if (already >= rule.getMaxCount()) {
      throw DomainException.conflict("attachment.too-many", "kind", (fileName == null ? "" : fileName + ": ") + "“" + code.label() + "”最多 "
          + rule.getMaxCount() + " 份，已有 " + already + " 份；请先删除一份", (fileName == null ? "" : fileName + ": ") + "at most " + rule.getMaxCount()
          + " " + code.code() + " document(s), and the proposal has " + already + "; delete one first");
    }
    Text.required(fileName, "name", 200);
    Attachment.checkPdf(fileName, upload.file(), rule.getMaxBytes());
    // into the store in this transaction: a rollback (any refusal after this point) leaves nothing stored
    String key = storage.store().put(upload);
    Attachment attachment = new Attachment(proposal.getId(), code.code(), fileName,
        new org.aipo.storage.StoredFile(key, upload.size(), upload.sha256()), clock.instant());
    entityManager.persist(attachment);
    auditLog.record(userId, "proposal.attachment-added", SUBJECT_TYPE, proposal.getId(), code.code() + ": "
        + attachment.getFileName() + " (" + attachment.getSize() + " bytes, sha256 " + attachment.getSha256() + ")");
    return attachment;
  }

  /** Removes an attachment of a draft or a returned proposal (a defective document is replaced this way). */
  public void detach(String proposalId, String organisationId, String attachmentId, String userId) {
    Proposal proposal = own(proposalId, organisationId);
    Attachment attachment = attachmentId == null ? null : entityManager.find(Attachment.class, attachmentId);
    if (attachment == null || !attachment.getProposalId().equals(proposal.getId())) {
      throw DomainException.notFound("attachment.not-found", null, "没有该附件", "no attachment " + attachmentId);
    }
    requireEditable(proposal);
    entityManager.remove(attachment);
    if (attachment.getStorageKey() != null) {
      storage.store().delete(attachment.getStorageKey());
    }
    auditLog.record(userId, "proposal.attachment-removed", SUBJECT_TYPE, proposal.getId(), attachment.getKind() + ": "
        + attachment.getFileName() + " (sha256 " + attachment.getSha256() + ")");
  }

  private static void requireEditable(Proposal proposal) {
    if (proposal.getStatus() != Proposal.Status.DRAFT && proposal.getStatus() != Proposal.Status.RETURNED) {
      throw DomainException.conflict("attachment.not-editable", "file", "只有草稿或退回补正的申报可以增删附件，本申报当前状态为 " + proposal.getStatus(),
          "attachments can be added to or removed from a draft or a returned proposal; this one is " + proposal.getStatus());
    }
  }

  /** Refuses a submission or correction while a kind the call requires has no document. */
  private void requireDocuments(Proposal proposal, Call call) {
    java.util.Set<String> present = attachmentsOf(proposal.getId()).stream().map(Attachment::getKind).collect(java.util.stream.Collectors.toSet());
    List<org.aipo.call.DocumentKind> missing = call.getDocumentKinds().stream().filter(k -> k.isRequired() && !present.contains(k.getKind())).toList();
    if (!missing.isEmpty()) {
      throw DomainException.badInput("proposal.documents-missing", "documents." + missing.get(0).getKind(),
          "缺少必交材料：" + String.join("、", missing.stream().map(org.aipo.call.DocumentKind::getLabel).toList()) + "（请以相应 kind 上传 PDF）",
          "required documents are missing: " + String.join(", ", missing.stream().map(org.aipo.call.DocumentKind::getKind).toList())
              + " (upload each as a PDF of that kind)");
    }
  }

  public java.util.List<Attachment> attachments(String proposalId, String organisationId) {
    own(proposalId, organisationId);
    return entityManager.createNamedQuery(Attachment.OF_PROPOSAL, Attachment.class).setParameter("proposal", proposalId).getResultList();
  }

  @Override
  public void recordFormalCheck(String proposalId, Proposal.FormalCheck outcome, String reasons, String actor) {
    find(proposalId).formalCheck(outcome, reasons);
    auditLog.record(actor, "proposal.formal-check." + outcome.name().toLowerCase(java.util.Locale.ROOT), SUBJECT_TYPE, proposalId, reasons);
  }

  @Override
  public org.aipo.notification.Message.Recipient contact(String proposalId) {
    return registration.contactOf(find(proposalId).getOrganisationId());
  }

  @Override
  public void withdrawUncorrected(String proposalId) {
    find(proposalId).withdrawUncorrected();
    auditLog.record("system", "proposal.withdrawn-uncorrected", SUBJECT_TYPE, proposalId, null);
  }

  @Override
  public boolean excludeForPastAcceptance(String proposalId) {
    Proposal proposal = find(proposalId);
    org.aipo.applicant.Organisation organisation = entityManager.find(org.aipo.applicant.Organisation.class, proposal.getOrganisationId());
    int years = calls.require(proposal.getCallId()).getAdverseAcceptanceYears();
    if (years == 0) {
      return false;
    }
    java.time.LocalDate since = java.time.LocalDate.now(org.aipo.calendar.WorkingDayCalendar.CHINA).minusYears(years);
    java.util.List<AcceptanceRecord> adverse = entityManager.createNamedQuery(AcceptanceRecord.ADVERSE_SINCE, AcceptanceRecord.class)
        .setParameter("code", organisation.getCreditCode()).setParameter("since", since).getResultList();
    if (adverse.isEmpty()) {
      return false;
    }
    AcceptanceRecord latest = adverse.get(0);
    proposal.formalCheck(Proposal.FormalCheck.INELIGIBLE, "近三年内有验收" + (latest.getOutcome() == AcceptanceRecord.Outcome.FAILED ? "未通过" : "逾期")
        + "的项目（" + latest.getProject() + "，" + latest.getDecidedOn() + "）。An acceptance " + latest.getOutcome().name().toLowerCase()
        + " in the last three years (" + latest.getProject() + ", " + latest.getDecidedOn() + ").");
    auditLog.record("system", "proposal.formal-check.ineligible", SUBJECT_TYPE, proposalId, proposal.getCheckReasons());
    return true;
  }

  /** Records an acceptance result (until the acceptance process records them itself). */
  public AcceptanceRecord recordAcceptance(AcceptanceRecord record, String actor) {
    entityManager.persist(record);
    auditLog.record(actor, "acceptance.recorded", "acceptance", record.getProject(), record.getOutcome().name());
    return record;
  }

  @Override
  public String details(String proposalId) {
    Proposal proposal = find(proposalId);
    org.aipo.applicant.Organisation organisation = entityManager.find(org.aipo.applicant.Organisation.class, proposal.getOrganisationId());
    return ProposalText.officeMarkdown(proposal, organisation.getName() + "（" + organisation.getCreditCode() + "）",
        attachmentsOf(proposalId), calls.require(proposal.getCallId()).getDocumentKinds());
  }

  @Override
  public String title(String proposalId) {
    return find(proposalId).content().title();
  }

  @Override
  public String applicant(String proposalId) {
    return entityManager.find(org.aipo.applicant.Organisation.class, find(proposalId).getOrganisationId()).getName();
  }

  @Override
  public String callTitle(String proposalId) {
    Call call = entityManager.find(Call.class, find(proposalId).getCallId());
    return call == null ? "" : call.getTitle();
  }

  private Proposal find(String proposalId) {
    Proposal proposal = entityManager.find(Proposal.class, proposalId);
    if (proposal == null) {
      throw DomainException.badInput("proposal.unknown", "proposalId", "没有编号为 " + proposalId + " 的申报", "proposalId: no proposal " + proposalId);
    }
    return proposal;
  }

  public Proposal own(String proposalId, String organisationId) {
    Proposal proposal = proposalId == null ? null : entityManager.find(Proposal.class, proposalId);
    if (proposal == null || !proposal.getOrganisationId().equals(organisationId)) {
      throw DomainException.notFound("proposal.not-found", null, "没有该申报", "no proposal " + proposalId);
    }
    return proposal;
  }

  public List<Proposal> ofOrganisation(String organisationId) {
    return entityManager.createNamedQuery(Proposal.OF_ORGANISATION, Proposal.class)
        .setParameter("organisation", organisationId).getResultList();
  }

  // The selection and project processes change a proposal through these operations of its own capability,
  // never by calling the entity (docs/architecture.md, package rules)

  public java.util.List<Proposal> ofCall(String callId) {
    return entityManager.createNamedQuery(Proposal.OF_CALL, Proposal.class).setParameter("call", callId).getResultList();
  }

  /** One attachment by its id (any proposal's; who may read it is the caller's to decide), or empty. */
  public java.util.Optional<Attachment> attachment(String attachmentId) {
    return java.util.Optional.ofNullable(attachmentId == null || attachmentId.length() > 36 ? null : entityManager.find(Attachment.class, attachmentId));
  }

  /**
   * Copies an attachment's bytes to {@code out} as they are read from the store, in this transaction (for a reader that
   * streams many one after the other, such as a call's archive): never the whole file in memory.
   */
  public void copyAttachment(String attachmentId, java.io.OutputStream out) {
    Attachment attachment = attachment(attachmentId).orElseThrow(() -> DomainException.notFound("attachment.not-found", "attachmentId",
        "没有材料 " + attachmentId, "attachmentId: no attachment " + attachmentId));
    try (java.io.InputStream in = open(attachment)) {
      in.transferTo(out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The attachment's bytes as a file to read after this transaction (a download, a watermark): the stored file itself
   * in the file store, else a temporary copy that {@link org.aipo.storage.Storage.Readable#close()} deletes.
   */
  public org.aipo.storage.Storage.Readable readable(Attachment attachment) {
    if (attachment.getStorageKey() != null) {
      return storage.readable(attachment.getStorageKey());
    }
    org.aipo.storage.Spool copy = org.aipo.storage.Spool.copy(new java.io.ByteArrayInputStream(legacy(attachment)), storage.spoolDirectory());
    return new org.aipo.storage.Storage.Readable(copy.file(), true);
  }

  private java.io.InputStream open(Attachment attachment) {
    return attachment.getStorageKey() != null ? storage.store().open(attachment.getStorageKey())
        : new java.io.ByteArrayInputStream(legacy(attachment));
  }

  private byte[] legacy(Attachment attachment) {
    byte[] content = attachment.legacyContent();
    if (content == null) {
      throw new IllegalStateException("attachment " + attachment.getId() + " has neither a storage key nor content");
    }
    return content;
  }

  /** The proposal by id, or empty (for deciding who may read its documents). */
  public java.util.Optional<Proposal> byId(String proposalId) {
    return java.util.Optional.ofNullable(proposalId == null || proposalId.length() > 36 ? null : entityManager.find(Proposal.class, proposalId));
  }

  public java.util.List<Attachment> attachmentsOf(String proposalId) {
    return entityManager.createNamedQuery(Attachment.OF_PROPOSAL, Attachment.class).setParameter("proposal", proposalId).getResultList();
  }

  public static void underReview(Proposal proposal, String reviewRequestId) {
    proposal.underReview(reviewRequestId);
  }

  public static void backToReview(Proposal proposal, String reason) {
    proposal.backToReview(reason);
  }

  public static void ranked(Proposal proposal, java.math.BigDecimal score, Integer rankInField, java.math.BigDecimal award, String reason) {
    proposal.ranked(score, rankInField, award, reason);
  }

  public static void published(Proposal proposal) {
    proposal.published();
  }

  public static void excluded(Proposal proposal, String reason) {
    proposal.excluded(reason);
  }

  public static void reopenForRanking(Proposal proposal) {
    proposal.reopenForRanking();
  }

  public static void awarded(Proposal proposal) {
    proposal.awarded();
  }

  public static void midTerm(Proposal proposal, String result) {
    proposal.midTerm(result);
  }

  public static void accepted(Proposal proposal, AcceptanceRecord.Outcome outcome) {
    proposal.accepted(outcome);
  }

  public static void designateBenchmark(Proposal proposal, boolean designated) {
    proposal.designateBenchmark(designated);
  }
}
