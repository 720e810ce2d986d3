package org.aipo.review;

import org.aipo.common.DomainException;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

import org.aipo.common.Text;

/** One thing to review (a proposal, a scenario list): who applied, who must be avoided. */
@Entity
@Table(name = "AIPO_REVIEW_ITEM")
public class ReviewItem {

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "REQUEST_ID")
  private ReviewRequest request;

  @Column(name = "POSITION", nullable = false)
  private int position;

  @Column(name = "REFERENCE", nullable = false, length = 64)
  private String reference;

  @Column(name = "TITLE", nullable = false, length = 300)
  private String title;

  @Column(name = "APPLICANT_ORG", nullable = false, length = 200)
  private String applicantOrganisation;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "AIPO_REVIEW_ITEM_COAPPLICANT", joinColumns = @JoinColumn(name = "ITEM_ID"))
  @Column(name = "ORGANISATION", length = 200)
  private Set<String> coApplicantOrganisations = new HashSet<>();

  /** expert id → the applicant's reason for asking that the expert stay out. */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "AIPO_REVIEW_ITEM_EXCLUSION", joinColumns = @JoinColumn(name = "ITEM_ID"))
  @MapKeyColumn(name = "EXPERT_ID", length = 36)
  @Column(name = "REASON", length = 500)
  private Map<String, String> exclusions = new HashMap<>();

  /** What the experts read (markdown, applicant text escaped); the caller's description of the item. */
  @jakarta.persistence.Lob
  @Column(name = "DETAILS")
  private String details;

  protected ReviewItem() {
    // for JPA
  }

  ReviewItem(ReviewRequest request, int position, String reference, String title, String applicantOrganisation,
      Set<String> coApplicantOrganisations, Map<String, String> exclusions, int maxExclusions) {
    this.id = UUID.randomUUID().toString();
    this.request = request;
    this.position = position;
    this.reference = Text.required(reference, "items.reference", 64);
    this.title = Text.required(title, "items.title", 300);
    this.applicantOrganisation = Text.required(applicantOrganisation, "items.applicantOrganisation", 200);
    this.coApplicantOrganisations = new HashSet<>(coApplicantOrganisations);
    if (exclusions.size() > maxExclusions) {
      throw DomainException.badInput("review.too-many-exclusions", "items.exclusions", "每个项目最多可排除 " + maxExclusions + " 名专家", "items.exclusions: at most " + maxExclusions + " experts may be excluded per item");
    }
    exclusions.forEach((expert, reason) -> Text.required(reason, "items.exclusions reason", 500));
    this.exclusions = new HashMap<>(exclusions);
  }


  public void describe(String details) {
    this.details = Text.atMost(details, "items.details", 100_000);
  }

  public String getDetails() {
    return details;
  }

  public String getId() {
    return id;
  }

  public int getPosition() {
    return position;
  }

  public String getReference() {
    return reference;
  }

  public String getTitle() {
    return title;
  }

  public String getApplicantOrganisation() {
    return applicantOrganisation;
  }

  public Set<String> getCoApplicantOrganisations() {
    return Set.copyOf(coApplicantOrganisations);
  }

  public Map<String, String> getExclusions() {
    return Map.copyOf(exclusions);
  }
}
