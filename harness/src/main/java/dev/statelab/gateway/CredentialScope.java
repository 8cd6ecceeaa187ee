package dev.statelab.gateway;

/**
 * The parts of a SigV4 credential scope the gateway uses; the signature is never checked.
 *
 * <p>SigV4 scopes read {@code AKID/20260101/us-east-1/states/aws4_request}; SigV4a scopes have no
 * region ({@code AKID/20260101/states/aws4_request}) and name it in {@code X-Amz-Region-Set}.
 */
record CredentialScope(String accessKeyId, String region, String service) {

  private static final String CREDENTIAL = "Credential=";

  /**
   * Reads the scope from an {@code Authorization} header value or a presigned {@code
   * X-Amz-Credential} value; null when neither holds a credential.
   *
   * @param regionSet the {@code X-Amz-Region-Set} header (SigV4a), or null
   */
  static CredentialScope parse(String authorization, String presignedCredential,
      String regionSet) {
    String credential = null;
    if (authorization != null) {
      int at = authorization.indexOf(CREDENTIAL);
      if (at >= 0) {
        int start = at + CREDENTIAL.length();
        int end = start;
        while (end < authorization.length()
            && authorization.charAt(end) != ','
            && authorization.charAt(end) != ' ') {
          end++;
        }
        credential = authorization.substring(start, end);
      }
    } else if (presignedCredential != null) {
      credential = presignedCredential;
    }
    if (credential == null || credential.isEmpty()) {
      return null;
    }
    String[] parts = credential.split("/", -1);
    if (parts.length == 5) {
      return new CredentialScope(parts[0], emptyToNull(parts[2]), emptyToNull(parts[3]));
    }
    if (parts.length == 4) {
      String region = null;
      if (regionSet != null) {
        String first = regionSet.split(",", 2)[0].trim();
        region = first.isEmpty() || first.contains("*") ? null : first;
      }
      return new CredentialScope(parts[0], region, emptyToNull(parts[2]));
    }
    return new CredentialScope(parts[0], null, null);
  }

  private static String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }
}
