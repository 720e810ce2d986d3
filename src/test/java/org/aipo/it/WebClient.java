package org.aipo.it;

import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonStructure;

/**
 * A small HTTP client for tests against the started server: HTTP Basic for /engine-rest, and a browser
 * session (cookies, Camunda's CSRF token) for the webapps.
 */
final class WebClient {

  private final URI base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;

  WebClient(URI base) {
    this.base = base;
    // HTTP/1.1 as browsers and curl speak to the server over plain http: the JDK's client would otherwise try an h2c
    // upgrade, and under many requests at once Liberty ends such connections with GOAWAY (VoucherIT in CI, 2026-12-07)
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** A client for https://localhost:port/ that trusts the server's self-signed test certificate. */
  static WebClient overTls(int httpsPort) throws Exception {
    return new WebClient(URI.create("https://localhost:" + httpsPort + "/"), trustingTestCertificates());
  }

  private WebClient(URI base, javax.net.ssl.SSLContext tls) {
    this.base = base;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).sslContext(tls).build();
  }

  /** Trusts any certificate: only for the test servers' generated self-signed ones on loopback. */
  private static javax.net.ssl.SSLContext trustingTestCertificates() throws Exception {
    // an extended trust manager, so that JSSE leaves the host name check to it too (the certificate names the machine)
    javax.net.ssl.TrustManager[] trustAll = {new javax.net.ssl.X509ExtendedTrustManager() {
      @Override
      public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
      }

      @Override
      public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
      }

      @Override
      public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType, java.net.Socket socket) {
      }

      @Override
      public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType, java.net.Socket socket) {
      }

      @Override
      public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine) {
      }

      @Override
      public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine) {
      }

      @Override
      public java.security.cert.X509Certificate[] getAcceptedIssuers() {
        return new java.security.cert.X509Certificate[0];
      }
    }};
    javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
    context.init(null, trustAll, new java.security.SecureRandom());
    return context;
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postJson(String path, String json, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Any request with an optional body and extra headers (name, value, ...). */
  HttpResponse<String> send(String method, String path, String contentType, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A GET whose answer is bytes (a PDF). */
  HttpResponse<byte[]> bytes(String path, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A POST of raw bytes (file uploads). */
  HttpResponse<String> upload(String path, String contentType, byte[] body, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json")
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The webapps' CSRF token, as the browser would send it back. */
  String csrfToken() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).reduce((a, b) -> b).orElse("");
  }

  /** Opens the app page (picks up session and CSRF cookies), then logs in through Camunda's login endpoint. */
  HttpResponse<String> loginToWebapp(String app, String user, String password) throws IOException, InterruptedException {
    return loginToWebapp(app, user, password, "application/json");
  }

  /** The webapps' login as Tasklist sends it, or with no {@code Accept} header at all when {@code accept} is null. */
  HttpResponse<String> loginToWebapp(String app, String user, String password, String accept) throws IOException, InterruptedException {
    get("/camunda/app/" + app + "/default/");
    String form = Map.of("username", user, "password", password).entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrfToken());
    if (accept != null) {
      request.header("Accept", accept);
    }
    HttpResponse<String> login = http.send(request.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    // the session id changes at login, and with it the CSRF token: one GET picks up the new one
    get("/camunda/api/admin/auth/user/default", "Accept", "application/json");
    return login;
  }

  /** A call of the webapps' own API with the session and CSRF token. */
  HttpResponse<String> webappApi(String method, String path, String json) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
        .header("Accept", "application/json").header("X-XSRF-TOKEN", csrfToken());
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonStructure json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).read();
  }
}
