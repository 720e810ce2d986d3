// AI Programme Office: Tasklist's configuration (replaces Camunda's default).
// Simplified Chinese for browsers asking for Chinese, English otherwise (locales/zh.json, en.json);
// no first-visit welcome probe; the default keyboard shortcuts, described in Chinese.
export default {
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },
  disableWelcomeMessage: true,
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: '认领当前选中的任务 claims the selected task' },
    focusFilter: { key: 'ctrl+shift+f', description: '转到第一个过滤器 focus the first filter' },
    focusList: { key: 'ctrl+alt+l', description: '转到任务列表的第一项 focus the first task' },
    focusForm: { key: 'ctrl+alt+f', description: '转到表单的第一个输入框 focus the first field of the form' },
    startProcess: { key: 'ctrl+alt+p', description: '打开发起流程对话框 open the start-process dialog' }
  }
};
