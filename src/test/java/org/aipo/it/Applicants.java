package org.aipo.it;

/** Applicant organisations in the HTTP tests: valid credit codes and registration bodies for /api/applicant/organisations. */
final class Applicants {

  private Applicants() {
  }

  /** The unified social credit code of these 17 characters with its check character (GB 32100-2015). */
  static String creditCode(String first17) {
    String charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    int sum = 0;
    int weight = 1;
    for (int i = 0; i < 17; i++) {
      sum += charset.indexOf(first17.charAt(i)) * weight;
      weight = weight * 3 % 31;
    }
    return first17 + charset.charAt((31 - sum % 31) % 31);
  }

  /** The JSON of an organisation's registration with its first user. */
  static String registration(String name, String code, String userId, String password, String email) {
    return "{\"name\":\"" + name + "\",\"creditCode\":\"" + code + "\",\"kind\":\"COMPANY\","
        + "\"contact\":{\"name\":\"王经理\",\"phone\":\"021-5555 1234\",\"email\":\"" + email + "\"},"
        + "\"user\":{\"userId\":\"" + userId + "\",\"password\":\"" + password + "\",\"name\":\"王明\"}}";
  }
}
