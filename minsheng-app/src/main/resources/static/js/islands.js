// Element Plus islands on server-rendered pages (docs/adr/0006-console-components.md).
//
// A page keeps its own form controls, which work without this script and which the server
// validates; an island mounts beside a control marked with data-island, hides it, and writes every
// choice back into it, so the form sends exactly what it sent before and keeps what was chosen.
//   <select data-island="select">          Element Plus select (multiple when the select is), filterable
//   <select data-island="tree-select">     a tree select; each option names its parent in data-parent
//   <span data-island="daterange">         two <input type="date"> inside become one date-range picker
//   <input data-island="datetime">          a date and time picker (the input keeps yyyy-MM-ddTHH:mm)
// Each island's root gets the control's id + "-island", for tests and for the label.
import { createApp, h, ref } from '../vendor/vue/3.5.47/dist/vue.runtime.esm-browser.prod.js';
import ElementPlus, { ElDatePicker, ElOption, ElSelect, ElTreeSelect }
  from '../vendor/element-plus/2.14.8/dist/index.full.min.mjs';
import zhCn from '../vendor/element-plus/2.14.8/dist/locale/zh-cn.min.mjs';

function mount(control, host, render) {
  host.className = 'island';
  host.id = (control.id || control.getAttribute('name') || 'island') + '-island';
  control.after(host);
  control.hidden = true;
  // a hidden control cannot take the browser's "required" bubble; the server names a missing value
  control.querySelectorAll ? control.querySelectorAll('[required]').forEach(function (c) { c.required = false; }) : null;
  control.required = false;
  const app = createApp({ render });
  app.use(ElementPlus, { locale: zhCn });
  app.mount(host);
  return app;
}

function changed(control) {
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

function optionsOf(select) {
  return Array.from(select.options)
    .filter(function (o) { return o.value !== ''; })
    .map(function (o) { return { value: o.value, label: o.textContent.replace(/^[\s\u3000]+/, '').trim(), parent: o.dataset.parent || '' }; });
}

/** The words of the select's empty option (全部, 请选择 …), shown when nothing is chosen. */
function placeholder(control) {
  const blank = Array.from(control.options).find(function (o) { return o.value === ''; });
  return blank ? blank.textContent.trim() : '请选择';
}

function select(control) {
  const multiple = control.multiple;
  const options = optionsOf(control);
  const value = ref(multiple ? Array.from(control.selectedOptions).map(function (o) { return o.value; }) : control.value);
  function write(v) {
    value.value = v;
    Array.from(control.options).forEach(function (o) {
      o.selected = multiple ? v.indexOf(o.value) >= 0 : o.value === (v == null ? '' : v);
    });
    changed(control);
  }
  mount(control, document.createElement('span'), function () {
    return h(ElSelect, {
      modelValue: value.value,
      'onUpdate:modelValue': write,
      multiple: multiple,
      filterable: true,
      clearable: true,
      collapseTags: multiple,
      collapseTagsTooltip: multiple,
      placeholder: placeholder(control),
      style: { width: control.dataset.width || '220px' }
    }, function () {
      return options.map(function (o) { return h(ElOption, { key: o.value, label: o.label, value: o.value }); });
    });
  });
}

function tree(options) {
  const byId = {};
  options.forEach(function (o) { byId[o.value] = { value: o.value, label: o.label, children: [] }; });
  const roots = [];
  options.forEach(function (o) {
    const node = byId[o.value];
    if (o.parent && byId[o.parent]) byId[o.parent].children.push(node); else roots.push(node);
  });
  return roots;
}

function treeSelect(control) {
  const options = optionsOf(control);
  const data = tree(options);
  const value = ref(control.value || null);
  function write(v) {
    value.value = v;
    control.value = v == null ? '' : String(v);
    changed(control);
  }
  mount(control, document.createElement('span'), function () {
    return h(ElTreeSelect, {
      modelValue: value.value,
      'onUpdate:modelValue': write,
      data: data,
      nodeKey: 'value',
      checkStrictly: true,
      filterable: true,
      clearable: true,
      renderAfterExpand: false,
      defaultExpandedKeys: data.map(function (n) { return n.value; }),
      placeholder: placeholder(control),
      style: { width: control.dataset.width || '240px' }
    });
  });
}

function day(offset) {
  const d = new Date();
  d.setDate(d.getDate() - offset);
  return d;
}

function dateRange(span) {
  const inputs = span.querySelectorAll('input');
  const from = inputs[0];
  const to = inputs[1];
  const value = ref(from.value && to.value ? [from.value, to.value] : null);
  function write(v) {
    value.value = v;
    from.value = v ? v[0] : '';
    to.value = v ? v[1] : '';
    changed(from);
  }
  const shortcuts = [
    { text: '今天', value: function () { return [day(0), day(0)]; } },
    { text: '最近一周', value: function () { return [day(6), day(0)]; } },
    { text: '最近一个月', value: function () { return [day(29), day(0)]; } },
    { text: '最近三个月', value: function () { return [day(89), day(0)]; } }
  ];
  mount(span, document.createElement('span'), function () {
    return h(ElDatePicker, {
      modelValue: value.value,
      'onUpdate:modelValue': write,
      type: 'daterange',
      valueFormat: 'YYYY-MM-DD',
      format: 'YYYY-MM-DD',
      rangeSeparator: '至',
      startPlaceholder: '开始日期',
      endPlaceholder: '结束日期',
      unlinkPanels: true,
      shortcuts: shortcuts,
      style: { width: '260px' }
    });
  });
}

function dateTime(input) {
  const value = ref(input.value || null);
  function write(v) {
    value.value = v;
    input.value = v || '';
    changed(input);
  }
  mount(input, document.createElement('span'), function () {
    return h(ElDatePicker, {
      modelValue: value.value,
      'onUpdate:modelValue': write,
      type: 'datetime',
      valueFormat: 'YYYY-MM-DDTHH:mm',
      format: 'YYYY-MM-DD HH:mm',
      placeholder: input.placeholder || '选择日期时间',
      showNow: true,
      style: { width: input.dataset.width || '100%' }
    });
  });
}

document.querySelectorAll('select[data-island="select"]').forEach(select);
document.querySelectorAll('input[data-island="datetime"]').forEach(dateTime);
document.querySelectorAll('select[data-island="tree-select"]').forEach(treeSelect);
document.querySelectorAll('[data-island="daterange"]').forEach(dateRange);
document.documentElement.dataset.islands = 'ready';
