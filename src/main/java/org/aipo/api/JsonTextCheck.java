package org.aipo.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.aipo.common.DomainException;
import org.aipo.common.NulText;

/**
 * A JSON body holding the NUL character ({@code \u0000}) in any key or text is refused with 400 naming where
 * ({@code field.nul}), before it is bound: as {@link QueryTextCheck} for query parameters (issue 29).
 */
public class JsonTextCheck implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    if (context.getMediaType() == null || !NulText.isJson(context.getMediaType().getSubtype())) {
      return context.proceed();
    }
    byte[] body = context.getInputStream().readAllBytes();
    String at = NulText.find(body).orElse(null);
    if (at != null) {
      throw DomainException.badInput("field.nul", at, at + " 含有空字符（\\u0000）", at + " holds the NUL character (\\u0000)");
    }
    context.setInputStream(new ByteArrayInputStream(body));
    return context.proceed();
  }
}
