"use strict";
// Sandbox chat page. Text from the bot is rendered from (text, entities) with DOM nodes only:
// never assigned as HTML markup, so nothing the bot or a user sends can inject markup.
(() => {
  const T = {
    kk: { online: "бот · құмсалғыш", message: "Хабарлама…", send: "Жіберу", attach: "Файл жіберу",
      shareContact: "Өз контактіңізді бөлісу", newPersona: "Жаңа кейіпкер", userId: "Telegram id",
      firstName: "Аты", create: "Құру", edited: "өңделді", deleted: "жойылды", open: "Ашу",
      teacher: "Мұғалім", trainer: "Тренер", admin: "Әкімші", anonymous: "Аноним", user: "Пайдаланушы",
      phone: "Телефон нөміріңіз:", empty: "Бастау үшін /start жіберіңіз", error: "Қате" },
    ru: { online: "бот · песочница", message: "Сообщение…", send: "Отправить", attach: "Отправить файл",
      shareContact: "Поделиться своим контактом", newPersona: "Новая персона", userId: "Telegram id",
      firstName: "Имя", create: "Создать", edited: "изменено", deleted: "удалено", open: "Открыть",
      teacher: "Учитель", trainer: "Тренер", admin: "Администратор", anonymous: "Аноним",
      user: "Пользователь", phone: "Ваш номер телефона:", empty: "Отправьте /start, чтобы начать",
      error: "Ошибка" },
  };
  const $ = (id) => document.getElementById(id);
  const state = { lang: localStorage.getItem("sandbox.lang") || "kk", userId: null, personas: [],
    messages: new Map(), rev: -1, poll: 0, hiddenKeyboardRev: -1 };
  const t = (key) => (T[state.lang] || T.kk)[key] || key;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v; else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    for (const child of children) node.append(child);
    return node;
  }
  const api = async (method, path, body) => {
    const init = { method, headers: {} };
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) { init.body = JSON.stringify(body); init.headers["Content-Type"] = "application/json"; }
    const response = await fetch("/sandbox/api" + path, init);
    if (!response.ok) throw new Error(await response.text());
    return response.json();
  };
  const safeUrl = (url) => /^(https?:|tg:)/i.test(url || "") ? url : null;

  // --- entities → DOM ----------------------------------------------------------------------
  function entityNode(e) {
    switch (e.type) {
      case "bold": return el("b");
      case "italic": return el("i");
      case "underline": return el("u");
      case "strikethrough": return el("s");
      case "code": return el("code");
      case "pre": return el("pre");
      case "blockquote": case "expandable_blockquote": return el("blockquote");
      case "spoiler": { const s = el("span", { class: "spoiler" }); s.addEventListener("click", () => s.classList.add("shown")); return s; }
      case "text_link": { const url = safeUrl(e.url); return url ? el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }) : el("span"); }
      default: return el("span", { class: "e-" + String(e.type).replace(/[^a-z_]/g, "") });
    }
  }
  function build(parent, text, start, end, ents) {
    let pos = start, i = 0;
    while (i < ents.length) {
      const e = ents[i];
      if (e.offset < pos) { i++; continue; }
      if (e.offset >= end) break;
      if (e.offset > pos) parent.append(document.createTextNode(text.slice(pos, e.offset)));
      const eEnd = Math.min(e.offset + e.length, end);
      const inner = []; let j = i + 1;
      while (j < ents.length && ents[j].offset < eEnd) inner.push(ents[j++]);
      const node = entityNode(e);
      build(node, text, e.offset, eEnd, inner);
      parent.append(node);
      pos = eEnd; i = j;
    }
    if (pos < end) parent.append(document.createTextNode(text.slice(pos, end)));
  }
  function renderText(text, entities) {
    const frag = document.createDocumentFragment();
    const sorted = [...(entities || [])].sort((a, b) => a.offset - b.offset || b.length - a.length);
    build(frag, text, 0, text.length, sorted);
    return frag;
  }

  // --- messages ----------------------------------------------------------------------------
  const time = (unix) => new Date(unix * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", hour12: false });
  function inlineKeyboard(m) {
    const kb = el("div", { class: "inline-kb" });
    for (const row of m.reply_markup.inline_keyboard) {
      const r = el("div", { class: "row" });
      for (const b of row) {
        if (b.callback_data !== undefined) {
          r.append(el("button", { type: "button", title: b.text, onclick: (ev) => tap(m, b.callback_data, ev.currentTarget) }, b.text));
        } else if (safeUrl(b.url)) {
          r.append(el("a", { href: safeUrl(b.url), title: b.text, target: "_blank", rel: "noopener noreferrer" }, b.text + " ↗"));
        } else {
          const d = el("button", { type: "button" }, b.text); d.disabled = true; r.append(d);
        }
      }
      kb.append(r);
    }
    return kb;
  }
  function renderMessage(m) {
    const box = el("div", { class: `msg ${m.from}${m.deleted ? " deleted" : ""}`, "data-message-id": String(m.message_id) });
    const bubble = el("div", { class: "bubble" });
    if (m.deleted) { bubble.append(t("deleted")); box.append(bubble); return box; }
    if (m.photo) bubble.append(el("img", { class: "photo", src: m.photo.url, alt: "photo" }));
    if (m.document) {
      const name = m.document.file_name || "file";
      const ext = (name.split(".").pop() || "").slice(0, 4).toUpperCase();
      bubble.append(el("a", { class: "doc", href: m.document.url, target: "_blank", rel: "noopener" },
        el("span", { class: "ico" }, ext), el("span", {}, name, el("small", {}, `${Math.ceil((m.document.file_size || 0) / 1024)} KB · ${t("open")}`))));
    }
    if (m.contact) bubble.append("📞 " + [m.contact.first_name, m.contact.phone_number].join(" "));
    if (m.location) bubble.append(`📍 ${m.location.latitude}, ${m.location.longitude}`);
    const text = m.text ?? m.caption;
    if (text) bubble.append(renderText(text, m.entities));
    bubble.append(el("span", { class: "meta" }, (m.edited ? t("edited") + " · " : "") + time(m.date)));
    box.append(bubble);
    if (m.reply_markup && m.reply_markup.inline_keyboard) box.append(inlineKeyboard(m));
    return box;
  }
  function render() {
    const chat = $("chat");
    const atBottom = chat.scrollHeight - chat.scrollTop - chat.clientHeight < 80;
    chat.replaceChildren();
    const list = [...state.messages.values()].sort((a, b) => a.message_id - b.message_id);
    if (!list.length) chat.append(el("div", { class: "system" }, t("empty")));
    for (const m of list) chat.append(renderMessage(m));
    renderReplyKeyboard(list);
    if (atBottom || state.justSent) chat.scrollTop = chat.scrollHeight;
    state.justSent = false;
  }
  function renderReplyKeyboard(list) {
    const box = $("reply-keyboard");
    box.replaceChildren();
    const last = [...list].reverse().find((m) => m.from === "bot" && !m.deleted && m.reply_markup &&
      (m.reply_markup.keyboard || m.reply_markup.remove_keyboard));
    if (!last || !last.reply_markup.keyboard || state.hiddenKeyboardRev >= last.rev) { box.hidden = true; return; }
    for (const row of last.reply_markup.keyboard) {
      const r = el("div", { class: "row" });
      for (const raw of row) {
        const b = typeof raw === "string" ? { text: raw } : raw;
        r.append(el("button", { type: "button", onclick: async () => {
          if (last.reply_markup.one_time_keyboard) state.hiddenKeyboardRev = last.rev;
          if (b.request_contact) await shareContact(); else await sendText(b.text);
        } }, b.text));
      }
      box.append(r);
    }
    box.hidden = false;
  }

  // --- actions -----------------------------------------------------------------------------
  function toast(text, alertBox) {
    if (!text) return;
    if (alertBox) { window.alert(text); return; }
    const box = $("toast"); box.textContent = text; box.hidden = false;
    clearTimeout(toast.timer); toast.timer = setTimeout(() => { box.hidden = true; }, 2500);
  }
  async function guarded(action) {
    try { await action(); } catch (error) { toast(t("error") + ": " + error.message); }
  }
  const sendText = (text) => guarded(async () => {
    if (!text.trim() || state.userId === null) return;
    state.justSent = true;
    await api("POST", `/users/${state.userId}/messages`, { text });
  });
  const persona = () => state.personas.find((p) => p.id === state.userId) || {};
  const shareContact = () => guarded(async () => {
    const key = "sandbox.phone." + state.userId;
    const phone = localStorage.getItem(key) || window.prompt(t("phone"), "+7701" + String(state.userId).padStart(7, "0").slice(-7));
    if (!phone) return;
    localStorage.setItem(key, phone);
    await api("POST", `/users/${state.userId}/messages`, { contact: { phone_number: phone, first_name: persona().first_name || "", user_id: state.userId } });
  });
  const tap = (m, data, button) => guarded(async () => {
    button.disabled = true;
    try {
      const r = await api("POST", `/users/${state.userId}/callbacks`, { message_id: m.message_id, data, wait: 5 });
      if (r.answer) toast(r.answer.text, r.answer.show_alert);
    } finally { button.disabled = false; }
  });
  const upload = (file) => guarded(async () => {
    const form = new FormData();
    form.append(file.type.startsWith("image/") ? "photo" : "document", file, file.name);
    await api("POST", `/users/${state.userId}/messages`, form);
  });

  // --- polling -----------------------------------------------------------------------------
  async function poll(generation) {
    while (generation === state.poll) {
      try {
        const url = `/users/${state.userId}/messages?all=1&since=${state.rev}&wait=20`;
        const found = await api("GET", url);
        if (generation !== state.poll) return;
        for (const m of found) { state.messages.set(m.message_id, m); state.rev = Math.max(state.rev, m.rev); }
        if (found.length || state.rev < 0) { state.rev = Math.max(state.rev, 0); render(); }
      } catch (error) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }
  function choose(userId) {
    state.userId = userId; state.messages = new Map(); state.rev = -1; state.hiddenKeyboardRev = -1;
    localStorage.setItem("sandbox.user", String(userId));
    render();
    poll(++state.poll);
  }

  // --- personas and language ---------------------------------------------------------------
  async function loadPersonas(selectId) {
    const [personas, users] = await Promise.all([api("GET", "/personas"), api("GET", "/users")]);
    const known = new Set(personas.map((p) => p.id));
    state.personas = [...personas, ...users.filter((u) => !known.has(u.id)).map((u) => ({ ...u, role: "user" }))];
    const select = $("persona");
    select.replaceChildren(...state.personas.map((p) =>
      el("option", { value: String(p.id) }, `${p.first_name} · ${t(p.role)} (${p.language_code || "?"})`)));
    const wanted = selectId ?? Number(localStorage.getItem("sandbox.user"));
    const pick = state.personas.find((p) => p.id === wanted) || state.personas[0];
    if (pick) { select.value = String(pick.id); if (pick.id !== state.userId) choose(pick.id); }
  }
  function applyLanguage() {
    document.documentElement.lang = state.lang;
    $("lang").textContent = state.lang === "kk" ? "РУС" : "ҚАЗ";
    document.querySelectorAll("[data-i18n]").forEach((n) => { n.textContent = t(n.dataset.i18n); });
    document.querySelectorAll("[data-i18n-placeholder]").forEach((n) => { n.placeholder = t(n.dataset.i18nPlaceholder); });
    document.querySelectorAll("[data-i18n-title]").forEach((n) => { n.title = t(n.dataset.i18nTitle); });
    [...$("persona").options].forEach((o) => {
      const p = state.personas.find((x) => String(x.id) === o.value);
      if (p) o.textContent = `${p.first_name} · ${t(p.role)} (${p.language_code || "?"})`;
    });
    if (state.userId !== null) render();
  }

  $("composer").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const input = $("text"); const text = input.value; input.value = "";
    sendText(text);
  });
  $("contact").addEventListener("click", () => shareContact());
  $("file").addEventListener("change", (ev) => { const f = ev.target.files[0]; if (f) upload(f); ev.target.value = ""; });
  $("persona").addEventListener("change", (ev) => choose(Number(ev.target.value)));
  $("lang").addEventListener("click", () => {
    state.lang = state.lang === "kk" ? "ru" : "kk"; localStorage.setItem("sandbox.lang", state.lang); applyLanguage();
  });
  $("new-persona").addEventListener("click", () => { $("persona-form").hidden = !$("persona-form").hidden; });
  $("persona-form").addEventListener("submit", (ev) => guarded(async () => {
    ev.preventDefault();
    const f = new FormData(ev.target);
    const id = Number(f.get("id"));
    await api("POST", "/users", { id, first_name: f.get("first_name"), language_code: f.get("language_code") });
    ev.target.hidden = true;
    await loadPersonas(id);
  }));

  applyLanguage();
  guarded(() => loadPersonas());
})();
