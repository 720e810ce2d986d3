package org.aipo.api;

import org.aipo.common.DomainException;
import org.aipo.common.NulText;

/**
 * A JSON body holding the NUL character ({@code \u0000}) in any key or text is refused with 400 naming where
 * ({@code field.nul}, problem+json), before it is bound: as {@link QueryTextCheck} for query parameters (issue 29).
 */
public class JsonTextCheck extends NulText.BodyCheck {

  @Override
  protected RuntimeException refused(String at) {
    return DomainException.badInput("field.nul", at, at + " 含有空字符（\\u0000）", at + " holds the NUL character (\\u0000)");
  }
}
