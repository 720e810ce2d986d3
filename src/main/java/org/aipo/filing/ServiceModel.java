package org.aipo.filing;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A model an AI service uses: the firm's own, or a third party's, with that party's filing number (备案号) when it
 * has one. An app that only calls third parties' filed models through their API registers (登记) instead of filing.
 */
@Embeddable
public class ServiceModel {

  @Column(name = "MODEL_NAME", nullable = false, length = 200)
  private String modelName;

  @Column(name = "PROVIDER", nullable = false, length = 200)
  private String provider;

  @Column(name = "OWN_MODEL", nullable = false)
  private boolean ownModel;

  @Column(name = "FILING_NUMBER", length = 64)
  private String filingNumber;

  protected ServiceModel() {
    // for JPA
  }

  public ServiceModel(String modelName, String provider, boolean ownModel, String filingNumber) {
    this.modelName = modelName;
    this.provider = provider;
    this.ownModel = ownModel;
    this.filingNumber = filingNumber;
  }

  public String getModelName() {
    return modelName;
  }

  public String getProvider() {
    return provider;
  }

  public boolean isOwnModel() {
    return ownModel;
  }

  public String getFilingNumber() {
    return filingNumber;
  }
}
