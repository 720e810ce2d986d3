package org.aipo.applicant;

import org.aipo.common.DomainException;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.aipo.common.Text;

/** An applicant organisation (申报单位): company, university or institute, by its credit code. */
@Entity
@Table(name = "AIPO_ORGANISATION")
@NamedQuery(name = Organisation.BY_CREDIT_CODE, query = "select o from Organisation o where o.creditCode = :code")
public class Organisation {

  static final String BY_CREDIT_CODE = "Organisation.byCreditCode";
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{5,19}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  public enum Kind { COMPANY, UNIVERSITY, INSTITUTE, OTHER }

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "NAME", nullable = false, length = 200)
  private String name;

  @Column(name = "CREDIT_CODE", nullable = false, unique = true, length = 18)
  private String creditCode;

  @Enumerated(EnumType.STRING)
  @Column(name = "KIND", nullable = false, length = 16)
  private Kind kind;

  @Column(name = "CONTACT_NAME", nullable = false, length = 100)
  private String contactName;

  @Column(name = "CONTACT_PHONE", nullable = false, length = 20)
  private String contactPhone;

  @Column(name = "CONTACT_EMAIL", nullable = false, length = 200)
  private String contactEmail;

  /** The language the contact reads messages in: zh (the default) or en. */
  @Column(name = "CONTACT_LANGUAGE", nullable = false, length = 8)
  private String contactLanguage = "zh";

  @Column(name = "REGISTERED_AT", nullable = false)
  private Instant registeredAt;

  @Version
  @Column(name = "VERSION")
  private long version;

  protected Organisation() {
    // for JPA
  }

  public Organisation(String name, String creditCode, String kind, String contactName, String contactPhone,
      String contactEmail, Instant now) {
    this(name, creditCode, kind, contactName, contactPhone, contactEmail, null, now);
  }

  /** With the contact's language for messages: zh or en; null is zh. */
  public Organisation(String name, String creditCode, String kind, String contactName, String contactPhone,
      String contactEmail, String contactLanguage, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.name = Text.required(name, "name", 200).trim();
    this.creditCode = CreditCode.check(creditCode);
    this.kind = kind(kind);
    this.contactName = Text.required(contactName, "contact.name", 100).trim();
    String phone = Text.required(contactPhone, "contact.phone", 20).trim();
    if (!PHONE.matcher(phone).matches()) {
      throw DomainException.badInput("phone.invalid", "contact.phone", "联系电话格式不正确（数字、空格、连字符，可带 +）",
          "contact.phone must be a telephone number (digits, spaces, hyphens, optional +)");
    }
    this.contactPhone = phone;
    String email = Text.required(contactEmail, "contact.email", 200).trim();
    if (!EMAIL.matcher(email).matches()) {
      throw DomainException.badInput("email.invalid", "contact.email", "电子邮箱格式不正确", "contact.email is not an e-mail address");
    }
    this.contactEmail = email;
    if (contactLanguage != null && !contactLanguage.equals("zh") && !contactLanguage.equals("en")) {
      throw DomainException.badInput("language.invalid", "contact.language", "联系人语言须为 zh 或 en", "contact.language must be zh or en");
    }
    this.contactLanguage = contactLanguage == null ? "zh" : contactLanguage;
    this.registeredAt = now;
  }

  private static Kind kind(String value) {
    String kind = Text.required(value, "kind", 16);
    try {
      return Kind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DomainException.badInput("organisation.kind", "kind", "单位类型须为 COMPANY、UNIVERSITY、INSTITUTE 或 OTHER",
          "kind must be COMPANY, UNIVERSITY, INSTITUTE or OTHER");
    }
  }

  public String getContactLanguage() {
    return contactLanguage;
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getCreditCode() {
    return creditCode;
  }

  public Kind getKind() {
    return kind;
  }

  public String getContactName() {
    return contactName;
  }

  public String getContactPhone() {
    return contactPhone;
  }

  public String getContactEmail() {
    return contactEmail;
  }

  public Instant getRegisteredAt() {
    return registeredAt;
  }
}
