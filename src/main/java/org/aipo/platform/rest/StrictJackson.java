package org.aipo.platform.rest;

import java.text.SimpleDateFormat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;

/**
 * Camunda's ObjectMapper for /engine-rest (bodies and the query parameters its converters read), made strict
 * where Camunda's is lenient (issue 29, found by BadRequestCorpusIT):
 * <ul>
 * <li>dates: Camunda's {@code SimpleDateFormat} is lenient, so {@code 2026-13-45T25:61:00.000+0100} was read as a
 * day in February 2027 and a task was created with it; a date that does not exist is now refused (400);</li>
 * <li>whole numbers: Jackson's ACCEPT_FLOAT_AS_INT read {@code ?type=1.5} or {@code "retries": 1.5} as 1; now 400.</li>
 * </ul>
 * Everything else is Camunda's own configuration ({@link JacksonConfigurator#configureObjectMapper}).
 */
public class StrictJackson extends JacksonConfigurator {

  @Override
  public ObjectMapper getContext(Class<?> type) {
    ObjectMapper mapper = super.getContext(type);
    // a copy of the format configureObjectMapper set (Camunda's dateFormatString field is private in Operaton)
    SimpleDateFormat dates = (SimpleDateFormat) mapper.getDateFormat().clone();
    dates.setLenient(false);
    mapper.setDateFormat(dates);
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    return mapper;
  }
}
