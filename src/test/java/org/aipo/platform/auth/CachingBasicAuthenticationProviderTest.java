package org.aipo.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** Reading Basic credentials; what the cache is keyed by. */
class CachingBasicAuthenticationProviderTest {

  private static String basic(String text) {
    return "Basic " + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theUserIsBeforeTheFirstColonAndThePasswordMayHoldColons() {
    assertThat(CachingBasicAuthenticationProvider.credentials(basic("office:pa:ss"))).containsExactly("office", "pa:ss");
    assertThat(CachingBasicAuthenticationProvider.credentials("basic " + basic("专家:密码").substring(6))).containsExactly("专家", "密码");
  }

  @Test
  void anythingElseIsNoCredentials() {
    assertThat(CachingBasicAuthenticationProvider.credentials(basic(":nouser"))).isNull();
    assertThat(CachingBasicAuthenticationProvider.credentials(basic("nocolon"))).isNull();
    assertThat(CachingBasicAuthenticationProvider.credentials("Basic not-base64!")).isNull();
    assertThat(CachingBasicAuthenticationProvider.credentials("Bearer abc")).isNull();
  }

  @Test
  void theKeyHoldsAHashOfThePasswordNeverThePassword() {
    String hash = CachingBasicAuthenticationProvider.sha256("demo");
    assertThat(hash).hasSize(64).doesNotContain("demo").isEqualTo(CachingBasicAuthenticationProvider.sha256("demo"));
    assertThat(CachingBasicAuthenticationProvider.sha256("demo2")).isNotEqualTo(hash);
  }
}
