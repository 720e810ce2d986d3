// AI Programme Office: the webapp's configuration (replaces Camunda's empty default).
// Simplified Chinese for browsers asking for Chinese, English otherwise (locales/zh.json, en.json);
// no first-visit welcome probe.
export default {
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },
  disableWelcomeMessage: true
};
