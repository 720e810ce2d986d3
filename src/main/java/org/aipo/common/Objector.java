package org.aipo.common;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Who lodged a real-name objection (实名异议) during a public notice: a name, a way to answer them (phone
 * or e-mail) and, optionally, their organisation. Anonymous objections are not accepted.
 */
@Embeddable
public class Objector {

  @Column(name = "OBJECTOR_NAME", nullable = false, length = 100)
  private String name;

  @Column(name = "OBJECTOR_CONTACT", nullable = false, length = 200)
  private String contact;

  @Column(name = "OBJECTOR_ORGANISATION", length = 200)
  private String organisation;

  protected Objector() {
    // for JPA
  }

  public Objector(String name, String contact, String organisation) {
    this.name = Text.required(name, "name", 100);
    this.contact = Text.required(contact, "contact", 200);
    this.organisation = Text.atMost(organisation, "organisation", 200);
  }

  public String getName() {
    return name;
  }

  public String getContact() {
    return contact;
  }

  public String getOrganisation() {
    return organisation;
  }
}
