// Operators' console: plain browser JavaScript over the operators' API (/api/ops/...), no build step.
// Tokens live in sessionStorage (this tab only, gone when it closes), never in a cookie: CSRF
// protection is off because nothing rides on cookies. Data is written with textContent only.
'use strict';

(() => {
  const STORE = 'ccp.console.session';
  const STAFF = ['operator', 'admin'];
  const RUNNING = ['STARTING', 'STARTED', 'STOPPING'];
  const RESTARTABLE = ['FAILED', 'STOPPED'];

  const $ = (id) => document.getElementById(id);
  const state = {
    session: null,        // {accessToken, accessTokenExpiresAt, refreshToken, user}
    refreshing: null,     // the one refresh in flight: a refresh token is single-use
    jobs: [],
    launchJob: null,
    executionsCursor: null,
    detailId: null,
    detailTimer: null,
    cronJob: null,
    stream: null,         // AbortController of the event stream
    lastEventId: null,
  };

  // ---------------------------------------------------------------- session and API calls

  function loadSession() {
    try {
      return JSON.parse(sessionStorage.getItem(STORE));
    } catch (e) {
      return null;
    }
  }

  function saveSession(tokens) {
    state.session = {
      accessToken: tokens.accessToken,
      accessTokenExpiresAt: Date.parse(tokens.accessTokenExpiresAt),
      refreshToken: tokens.refreshToken,
      user: tokens.user,
    };
    sessionStorage.setItem(STORE, JSON.stringify(state.session));
  }

  function clearSession() {
    state.session = null;
    sessionStorage.removeItem(STORE);
  }

  /** A failed call: the problem+json body (title, detail, errors[{field, message}]) when there is one. */
  class ApiError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
      this.status = status;
      this.problem = problem || {title: 'HTTP ' + status};
    }
  }

  async function readProblem(response) {
    const type = response.headers.get('Content-Type') || '';
    if (type.includes('json')) {
      try {
        return await response.json();
      } catch (e) {
        return null;
      }
    }
    return null;
  }

  function refreshTokens() {
    if (!state.refreshing) {
      const refreshToken = state.session && state.session.refreshToken;
      state.refreshing = (async () => {
        if (!refreshToken) {
          throw new ApiError(401, {title: 'Signed out', detail: 'Please sign in again.'});
        }
        const response = await fetch('/api/auth/refresh', {
          method: 'POST',
          headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
          body: JSON.stringify({refreshToken}),
        });
        if (!response.ok) {
          const problem = await readProblem(response);
          clearSession();
          showLogin();
          throw new ApiError(response.status, problem || {title: 'Session expired', detail: 'Please sign in again.'});
        }
        saveSession(await response.json());
      })().finally(() => {
        state.refreshing = null;
      });
    }
    return state.refreshing;
  }

  /** The access token, refreshed first when it expires within 30 seconds. */
  async function accessToken() {
    if (!state.session) {
      throw new ApiError(401, {title: 'Signed out', detail: 'Please sign in.'});
    }
    if (state.session.accessTokenExpiresAt - Date.now() < 30000) {
      await refreshTokens();
    }
    return state.session.accessToken;
  }

  async function api(method, path, body, extraHeaders) {
    for (let attempt = 0; ; attempt++) {
      const headers = Object.assign({'Accept': 'application/json, application/problem+json',
        'Authorization': 'Bearer ' + await accessToken()}, extraHeaders || {});
      if (body !== undefined) {
        headers['Content-Type'] = 'application/json';
      }
      const response = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
      if (response.status === 401 && attempt === 0) {
        await refreshTokens();   // expired early (clock skew) or revoked: one retry with fresh tokens
        continue;
      }
      if (!response.ok) {
        throw new ApiError(response.status, await readProblem(response));
      }
      if (response.status === 204 || response.headers.get('Content-Length') === '0') {
        return null;
      }
      const text = await response.text();
      return text ? JSON.parse(text) : null;
    }
  }

  // ---------------------------------------------------------------- messages

  function clearMessages() {
    $('error').hidden = true;
    $('error').textContent = '';
    $('notice').textContent = '';
    document.querySelectorAll('.field-error').forEach((e) => e.remove());
    document.querySelectorAll('[aria-invalid]').forEach((e) => {
      e.removeAttribute('aria-invalid');
      restoreDescribedBy(e);
    });
  }

  function notice(text) {
    $('notice').textContent = text;
  }

  /**
   * Shows a problem: its title and detail at the top, and each named field's message beside that
   * field when the form has it (fieldIds maps an API field name to an input id).
   */
  function showError(error, fieldIds) {
    const problem = error instanceof ApiError ? error.problem : {title: 'Something went wrong', detail: String(error)};
    const box = $('error');
    box.textContent = '';
    const title = document.createElement('strong');
    title.textContent = problem.title || 'Error';
    box.append(title);
    if (problem.detail) {
      box.append(document.createTextNode(': ' + problem.detail));
    }
    const errors = Array.isArray(problem.errors) ? problem.errors : [];
    if (errors.length) {
      const list = document.createElement('ul');
      for (const fieldError of errors) {
        const item = document.createElement('li');
        item.textContent = fieldError.field + ': ' + fieldError.message;
        list.append(item);
        const inputId = fieldIds && fieldIds(fieldError.field);
        const input = inputId && $(inputId);
        if (input) {
          const message = document.createElement('p');
          message.className = 'field-error';
          message.id = inputId + '-error';
          message.textContent = fieldError.message;
          input.setAttribute('aria-invalid', 'true');
          input.dataset.describedBy = input.getAttribute('aria-describedby') || '';
          input.setAttribute('aria-describedby', (input.dataset.describedBy + ' ' + message.id).trim());
          input.insertAdjacentElement('afterend', message);
        }
      }
      box.append(list);
    }
    box.hidden = false;
    if (error instanceof ApiError && error.status === 403) {
      box.append(document.createTextNode(' (your account lacks the operator or admin role)'));
    }
  }

  function restoreDescribedBy(input) {
    if (input.dataset.describedBy !== undefined) {
      if (input.dataset.describedBy) {
        input.setAttribute('aria-describedby', input.dataset.describedBy);
      } else {
        input.removeAttribute('aria-describedby');
      }
      delete input.dataset.describedBy;
    }
  }

  // ---------------------------------------------------------------- formatting helpers

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function when(instant) {
    if (!instant) {
      return '—';
    }
    const time = el('time', new Date(instant).toLocaleString());
    time.dateTime = instant;
    return time;
  }

  function duration(millis) {
    if (millis === null || millis === undefined) {
      return '—';
    }
    if (millis < 1000) {
      return millis + ' ms';
    }
    const seconds = millis / 1000;
    if (seconds < 120) {
      return seconds.toFixed(1) + ' s';
    }
    return Math.floor(seconds / 60) + ' min ' + Math.round(seconds % 60) + ' s';
  }

  function statusBadge(status) {
    const badge = el('span', status || '—', 'status status-' + (status || 'none'));
    if (RUNNING.includes(status)) {
      const wrap = el('span');
      const progress = el('progress');
      progress.setAttribute('aria-label', 'running');
      wrap.append(badge, ' ', progress);
      return wrap;
    }
    return badge;
  }

  function cell(row, content, className) {
    const td = el('td', undefined, className);
    if (content instanceof Node) {
      td.append(content);
    } else {
      td.textContent = content === null || content === undefined ? '—' : String(content);
    }
    row.append(td);
    return td;
  }

  function button(text, label, onClick, className) {
    const b = el('button', text, className || 'secondary');
    b.type = 'button';
    if (label) {
      b.setAttribute('aria-label', label);
    }
    b.addEventListener('click', async () => {
      b.disabled = true;
      try {
        await onClick();
      } finally {
        b.disabled = false;
      }
    });
    return b;
  }

  // ---------------------------------------------------------------- views

  function showLogin() {
    stopStream();
    $('session').hidden = true;
    $('app-view').hidden = true;
    $('denied-view').hidden = true;
    $('login-view').hidden = false;
  }

  function showDenied(user) {
    stopStream();
    $('login-view').hidden = true;
    $('app-view').hidden = true;
    $('session').hidden = true;
    $('denied-text').textContent = 'The console is for operators and administrators. ' + user.email
        + ' holds the roles ' + ((user.roles || []).join(', ') || 'none') + '; ask an administrator for the operator role.';
    $('denied-view').hidden = false;
    $('denied-logout').focus();
  }

  async function showApp() {
    const user = state.session.user;
    if (!(user.roles || []).some((r) => STAFF.includes(r))) {
      showDenied(user);
      return;
    }
    $('login-view').hidden = true;
    $('denied-view').hidden = true;
    $('who').textContent = user.email + ' (' + user.roles.filter((r) => STAFF.includes(r)).join(', ') + ')';
    $('session').hidden = false;
    $('app-view').hidden = false;
    startStream();
    await loadJobs();
    route();
  }

  const VIEWS = {jobs: 'jobs-view', executions: 'executions-view', schedules: 'schedules-view'};

  function route() {
    const name = (location.hash || '#jobs').slice(1);
    const view = VIEWS[name] ? name : 'jobs';
    for (const [key, id] of Object.entries(VIEWS)) {
      $(id).hidden = key !== view;
      const tab = $('tab-' + key);
      if (key === view) {
        tab.setAttribute('aria-current', 'page');
      } else {
        tab.removeAttribute('aria-current');
      }
    }
    if (view === 'executions') {
      loadExecutions(false);
    } else if (view === 'schedules') {
      loadSchedules();
    }
  }

  // Jobs ---------------------------------------------------------------

  async function loadJobs() {
    try {
      state.jobs = (await api('GET', '/api/ops/jobs')).items;
    } catch (e) {
      showError(e);
      return;
    }
    const body = $('jobs-table').tBodies[0];
    body.textContent = '';
    for (const job of state.jobs) {
      const row = el('tr');
      row.dataset.job = job.name;
      const name = el('th');
      name.scope = 'row';
      name.append(el('div', job.name), el('div', job.description, 'desc'));
      row.append(name);
      const shown = job.runningExecution || job.lastExecution;
      cell(row, shown ? when(shown.startTime || shown.createTime) : 'never');
      const status = cell(row, shown ? statusBadge(shown.status) : '—');
      status.dataset.role = 'status';
      cell(row, shown ? duration(shown.durationMillis) : '—');
      cell(row, job.schedule && job.schedule.paused ? 'paused' : when(job.nextFireTime));
      const actions = cell(row, el('span'));
      actions.append(
          button('Launch…', 'Launch ' + job.name, () => openLaunch(job)),
          button('Executions', 'Executions of ' + job.name, () => showExecutionsOf(job.name)));
      body.append(row);
    }
    const select = $('executions-job');
    const chosen = select.value;
    select.textContent = '';
    for (const job of state.jobs) {
      const option = el('option', job.name);
      option.value = job.name;
      select.append(option);
    }
    if (chosen) {
      select.value = chosen;
    }
  }

  function showExecutionsOf(jobName) {
    $('executions-job').value = jobName;
    $('executions-status').value = '';
    if (location.hash === '#executions') {
      loadExecutions(false);
    } else {
      location.hash = '#executions';
    }
    $('executions-title').focus();
  }

  function paramId(name) {
    return 'param-' + name.replace(/[^A-Za-z0-9_-]/g, '_');
  }

  /** The launch form, generated from the job's declared parameters: type, range, default, required. */
  function openLaunch(job) {
    clearMessages();
    state.launchJob = job;
    $('launch-title').textContent = 'Launch ' + job.name;
    const fields = $('launch-fields');
    fields.textContent = '';
    if (!job.parameters.length) {
      fields.append(el('p', job.name + ' takes no parameters.'));
    }
    for (const p of job.parameters) {
      const id = paramId(p.name);
      const field = el('div', undefined, 'field');
      const label = el('label', p.name + (p.required ? ' (required)' : ''));
      label.htmlFor = id;
      let input;
      if (p.type === 'boolean') {
        input = el('select');
        for (const [value, text] of [['', p.defaultValue ? 'default (' + p.defaultValue + ')' : '—'], ['true', 'true'], ['false', 'false']]) {
          const option = el('option', text);
          option.value = value;
          input.append(option);
        }
      } else {
        input = el('input');
        if (p.type === 'long' || p.type === 'double') {
          input.type = 'number';
          input.step = p.type === 'long' ? '1' : 'any';
          input.inputMode = p.type === 'long' ? 'numeric' : 'decimal';
          if (p.min !== null && p.min !== undefined) {
            input.min = p.min;
          }
          if (p.max !== null && p.max !== undefined) {
            input.max = p.max;
          }
        } else if (p.type === 'date') {
          input.type = 'date';
        } else {
          input.type = 'text';
          input.maxLength = 1000;
        }
        if (p.defaultValue !== null && p.defaultValue !== undefined) {
          input.placeholder = p.defaultValue;
        }
      }
      input.id = id;
      input.name = p.name;
      input.required = p.required;
      const hint = el('p', describeParameter(p), 'hint');
      hint.id = id + '-hint';
      input.setAttribute('aria-describedby', hint.id);
      field.append(label, input, hint);
      fields.append(field);
    }
    $('launch-panel').hidden = false;
    const first = fields.querySelector('input, select');
    (first || $('launch-submit')).focus();
  }

  function describeParameter(p) {
    const parts = [];
    if (p.description) {
      parts.push(p.description);
    }
    let type = {long: 'whole number', double: 'number', boolean: 'true or false', date: 'date', string: 'text'}[p.type] || p.type;
    if (p.min !== null && p.min !== undefined && p.max !== null && p.max !== undefined) {
      type += ' from ' + p.min + ' to ' + p.max;
    } else if (p.min !== null && p.min !== undefined) {
      type += ', at least ' + p.min;
    } else if (p.max !== null && p.max !== undefined) {
      type += ', at most ' + p.max;
    }
    parts.push(type);
    if (p.defaultValue !== null && p.defaultValue !== undefined) {
      parts.push('default ' + p.defaultValue);
    }
    if (p.identifying) {
      parts.push('identifying: a new value makes a new job instance');
    }
    return parts.join('; ') + '.';
  }

  async function submitLaunch(event) {
    event.preventDefault();
    clearMessages();
    const job = state.launchJob;
    const parameters = {};
    let missing = false;
    for (const p of job.parameters) {
      const input = $(paramId(p.name));
      const value = input.value.trim();
      if (value !== '') {
        parameters[p.name] = value;
      } else if (p.required) {
        missing = true;
      }
    }
    const fieldIds = (field) => field.startsWith('parameters.') ? paramId(field.slice('parameters.'.length)) : null;
    if (missing) {
      showError(new ApiError(400, {title: 'Missing parameters', detail: 'Fill in every required parameter.',
        errors: job.parameters.filter((p) => p.required && !$(paramId(p.name)).value.trim())
            .map((p) => ({field: 'parameters.' + p.name, message: 'is required'}))}), fieldIds);
      return;
    }
    try {
      // A fresh key per submission: a retried request (network hiccup) never starts a second run.
      const accepted = await api('POST', '/api/ops/jobs/' + encodeURIComponent(job.name) + '/executions',
          {parameters}, {'Idempotency-Key': newKey()});
      $('launch-panel').hidden = true;
      notice('Launched ' + job.name + ': execution ' + accepted.executionId + ' (' + accepted.status + ').');
      await loadJobs();
    } catch (e) {
      showError(e, fieldIds);
      const invalid = document.querySelector('#launch-fields [aria-invalid="true"]');
      if (invalid) {
        invalid.focus();
      }
    }
  }

  function newKey() {
    if (crypto.randomUUID) {
      return crypto.randomUUID();
    }
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  // Executions ---------------------------------------------------------

  async function loadExecutions(more) {
    const job = $('executions-job').value || (state.jobs[0] && state.jobs[0].name);
    if (!job) {
      return;
    }
    const query = new URLSearchParams({limit: '20'});
    if ($('executions-status').value) {
      query.set('status', $('executions-status').value);
    }
    if (more && state.executionsCursor) {
      query.set('after', state.executionsCursor);
    }
    let page;
    try {
      page = await api('GET', '/api/ops/jobs/' + encodeURIComponent(job) + '/executions?' + query);
    } catch (e) {
      showError(e);
      return;
    }
    $('executions-title').textContent = 'Executions of ' + job;
    const body = $('executions-table').tBodies[0];
    if (!more) {
      body.textContent = '';
    }
    for (const execution of page.items) {
      body.append(executionRow(execution));
    }
    if (!page.items.length && !more) {
      const row = el('tr');
      const empty = cell(row, 'No executions yet.');
      empty.colSpan = 7;
      body.append(row);
    }
    state.executionsCursor = page.nextCursor;
    $('executions-more').hidden = !page.nextCursor;
  }

  function executionRow(e) {
    const row = el('tr');
    row.dataset.execution = e.id;
    row.dataset.status = e.status;
    if (state.detailId === e.id) {
      row.className = 'selected';
    }
    const id = el('th', e.id);
    id.scope = 'row';
    row.append(id);
    cell(row, statusBadge(e.status)).dataset.role = 'status';
    cell(row, when(e.startTime || e.createTime));
    cell(row, duration(e.durationMillis));
    cell(row, e.node);
    cell(row, e.exitDescription ? el('span', e.exitDescription, 'failure') : '—');
    const actions = cell(row, el('span'));
    actions.append(button('Details', 'Details of execution ' + e.id, () => openDetail(e.id)));
    if (RUNNING.includes(e.status) && e.status !== 'STOPPING') {
      actions.append(button('Stop', 'Stop execution ' + e.id, () => act(e.id, 'stop'), 'danger'));
    }
    if (RESTARTABLE.includes(e.status)) {
      actions.append(button('Restart', 'Restart execution ' + e.id, () => act(e.id, 'restart')));
      actions.append(button('Abandon', 'Abandon execution ' + e.id, () => act(e.id, 'abandon'), 'danger'));
    }
    return row;
  }

  async function act(id, action) {
    clearMessages();
    if (action === 'abandon' && !window.confirm('Abandon execution ' + id + '? It can never be restarted.')) {
      return;
    }
    try {
      const result = await api('POST', '/api/ops/executions/' + id + '/' + action);
      if (action === 'restart') {
        notice('Restarted execution ' + id + ' as execution ' + result.executionId + '.');
      } else if (action === 'stop') {
        notice('Execution ' + id + ' is stopping at its next chunk boundary.');
      } else {
        notice('Execution ' + id + ' abandoned.');
      }
      await Promise.all([loadExecutions(false), loadJobs()]);
      if (state.detailId === id || action === 'restart') {
        await openDetail(action === 'restart' ? result.executionId : id);
      }
    } catch (e) {
      showError(e);
    }
  }

  async function openDetail(id) {
    let d;
    try {
      d = await api('GET', '/api/ops/executions/' + id);
    } catch (e) {
      showError(e);
      return;
    }
    const firstOpen = state.detailId !== id || $('detail-panel').hidden;
    state.detailId = id;
    document.querySelectorAll('#executions-table tr.selected').forEach((r) => r.classList.remove('selected'));
    const selected = document.querySelector('#executions-table tr[data-execution="' + id + '"]');
    if (selected) {
      selected.classList.add('selected');
    }
    $('detail-title').textContent = 'Execution ' + d.id + ' of ' + d.jobName;
    const facts = $('detail-facts');
    facts.textContent = '';
    facts.dataset.status = d.status;
    const fact = (name, value) => {
      const dd = el('dd');
      dd.append(value instanceof Node ? value : document.createTextNode(value === null || value === undefined ? '—' : String(value)));
      facts.append(el('dt', name), dd);
    };
    fact('Status', statusBadge(d.status));
    fact('Exit code', d.exitCode);
    fact('Started', when(d.startTime));
    fact('Ended', when(d.endTime));
    fact('Duration', duration(d.durationMillis));
    fact('Node', d.node);
    fact('Parameters', d.parameters.length ? d.parameters.map((p) => p.name + ' = ' + p.value).join('\n') : 'none');
    if (d.exitDescription) {
      fact('Failure', el('span', d.exitDescription, 'failure'));
    }
    const body = $('steps-table').tBodies[0];
    body.textContent = '';
    for (const s of d.steps) {
      const row = el('tr');
      row.dataset.step = s.name;
      const name = el('th', s.name);
      name.scope = 'row';
      row.append(name);
      cell(row, statusBadge(s.status));
      cell(row, s.readCount, 'num');
      cell(row, s.writeCount, 'num');
      cell(row, s.filterCount, 'num');
      cell(row, s.skipCount, 'num');
      cell(row, s.commitCount, 'num');
      cell(row, s.rollbackCount, 'num');
      cell(row, duration(s.durationMillis));
      const counts = Object.entries(s.counts || {}).map(([k, v]) => k + ' ' + v).join(', ');
      cell(row, counts || '—');
      cell(row, s.failure ? el('span', s.failure, 'failure') : '—');
      body.append(row);
    }
    $('detail-panel').hidden = false;
    if (firstOpen) {
      $('detail-title').tabIndex = -1;
      $('detail-title').focus();
    }
    // The stream announces each step's end; counts inside a long step move in between: re-read them
    // while the execution runs.
    clearTimeout(state.detailTimer);
    if (RUNNING.includes(d.status)) {
      state.detailTimer = setTimeout(() => {
        if (state.detailId === id && !$('detail-panel').hidden) {
          openDetail(id);
        }
      }, 2000);
    }
  }

  // Schedules ----------------------------------------------------------

  async function loadSchedules() {
    let schedules;
    try {
      schedules = (await api('GET', '/api/ops/schedules')).items;
    } catch (e) {
      showError(e);
      return;
    }
    const body = $('schedules-table').tBodies[0];
    body.textContent = '';
    for (const s of schedules) {
      const row = el('tr');
      row.dataset.schedule = s.jobName;
      const name = el('th', s.jobName);
      name.scope = 'row';
      row.append(name);
      cell(row, el('code', s.cron));
      cell(row, s.timeZone);
      cell(row, statusBadge(s.paused ? 'PAUSED' : s.state)).dataset.role = 'state';
      cell(row, when(s.nextFireTime));
      cell(row, when(s.previousFireTime));
      cell(row, s.source);
      const actions = cell(row, el('span'));
      actions.append(s.paused
          ? button('Resume', 'Resume schedule of ' + s.jobName, () => scheduleAction(s.jobName, 'resume'))
          : button('Pause', 'Pause schedule of ' + s.jobName, () => scheduleAction(s.jobName, 'pause')));
      actions.append(button('Trigger now', 'Trigger now: ' + s.jobName, () => scheduleAction(s.jobName, 'trigger')));
      actions.append(button('Edit cron…', 'Edit cron of ' + s.jobName, () => openCron(s)));
      body.append(row);
    }
  }

  async function scheduleAction(job, action) {
    clearMessages();
    try {
      await api('POST', '/api/ops/schedules/' + encodeURIComponent(job) + '/' + action);
      notice({pause: 'Paused ', resume: 'Resumed ', trigger: 'Triggered '}[action] + job + '.');
      await Promise.all([loadSchedules(), loadJobs()]);
    } catch (e) {
      showError(e);
    }
  }

  function openCron(schedule) {
    clearMessages();
    state.cronJob = schedule.jobName;
    $('cron-title').textContent = 'Edit the schedule of ' + schedule.jobName;
    $('cron-expression').value = schedule.cron;
    $('cron-zone').value = schedule.timeZone;
    $('cron-panel').hidden = false;
    $('cron-expression').focus();
  }

  async function submitCron(event) {
    event.preventDefault();
    clearMessages();
    const fieldIds = (field) => ({cron: 'cron-expression', timeZone: 'cron-zone'})[field];
    try {
      const updated = await api('PUT', '/api/ops/schedules/' + encodeURIComponent(state.cronJob),
          {cron: $('cron-expression').value.trim(), timeZone: $('cron-zone').value.trim()});
      $('cron-panel').hidden = true;
      notice('Schedule of ' + updated.jobName + ' is now ' + updated.cron + ' (' + updated.timeZone + ').');
      await Promise.all([loadSchedules(), loadJobs()]);
    } catch (e) {
      showError(e, fieldIds);
      const invalid = document.querySelector('#cron-form [aria-invalid="true"]');
      if (invalid) {
        invalid.focus();
      }
    }
  }

  // ---------------------------------------------------------------- live events

  // EventSource cannot send an Authorization header, so the stream is read with fetch() and a
  // stream reader; Last-Event-ID resumes after a reconnect without losing events.
  function startStream() {
    stopStream();
    const controller = new AbortController();
    state.stream = controller;
    (async () => {
      let backoff = 1000;
      while (!controller.signal.aborted) {
        try {
          const headers = {'Accept': 'text/event-stream', 'Authorization': 'Bearer ' + await accessToken()};
          if (state.lastEventId) {
            headers['Last-Event-ID'] = state.lastEventId;
          }
          const response = await fetch('/api/notifications/stream', {headers, signal: controller.signal, cache: 'no-store'});
          if (response.status === 401) {
            await refreshTokens();
            continue;
          }
          if (!response.ok || !response.body) {
            throw new Error('stream answered ' + response.status);
          }
          setLive(true);
          backoff = 1000;
          await readEvents(response.body, onEvent);
        } catch (e) {
          if (controller.signal.aborted || (e instanceof ApiError && e.status === 401 && !state.session)) {
            return;
          }
        }
        setLive(false);
        await new Promise((resolve) => setTimeout(resolve, backoff));
        backoff = Math.min(backoff * 2, 15000);
      }
    })();
  }

  function stopStream() {
    if (state.stream) {
      state.stream.abort();
      state.stream = null;
    }
    setLive(false);
  }

  function setLive(on) {
    const pill = $('live-state');
    pill.textContent = on ? 'live: connected' : 'live: off';
    pill.classList.toggle('on', on);
  }

  /** Server-sent events: fields per line, an empty line ends an event, ':' lines are comments. */
  async function readEvents(body, handle) {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let event = {data: []};
    for (;;) {
      const {value, done} = await reader.read();
      if (done) {
        return;
      }
      buffer += decoder.decode(value, {stream: true});
      let newline;
      while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          if (event.data.length) {
            handle({id: event.id, type: event.type || 'message', data: event.data.join('\n')});
          }
          event = {data: []};
        } else if (!line.startsWith(':')) {
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'data') {
            event.data.push(value);
          } else if (field === 'event') {
            event.type = value;
          } else if (field === 'id') {
            event.id = value;
          }
        }
      }
    }
  }

  function onEvent(event) {
    if (event.id) {
      state.lastEventId = event.id;
    }
    if (!event.type.startsWith('execution.')) {
      return;
    }
    let notification;
    try {
      notification = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    const p = notification.payload || {};
    let text;
    if (event.type === 'execution.step') {
      // Progress: a step of a running execution ended, with its counts.
      text = p.job + ' execution ' + p.executionId + ': step ' + p.step + ' ' + p.status + ' (read ' + p.readCount
          + ', written ' + p.writeCount + (p.skipCount ? ', skipped ' + p.skipCount : '') + ')';
    } else {
      const verb = {'execution.started': 'started', 'execution.finished': 'finished', 'execution.failed': 'failed'}[event.type] || event.type;
      text = p.job + ' execution ' + p.executionId + ' ' + verb + ': ' + p.status;
      if (p.failure) {
        text += ' (' + p.failure + ')';
      }
    }
    const item = el('li');
    item.dataset.execution = p.executionId;
    item.dataset.event = event.type;
    item.append(when(notification.createdAt || new Date().toISOString()), document.createTextNode(text));
    const log = $('live-log');
    log.prepend(item);
    while (log.children.length > 100) {
      log.lastElementChild.remove();
    }
    // What the event changes: the jobs' last runs, the open list and the open execution.
    if (event.type !== 'execution.step') {
      loadJobs();
      if (!$('executions-view').hidden && $('executions-job').value === p.job) {
        loadExecutions(false);
      }
    }
    if (state.detailId === p.executionId && !$('detail-panel').hidden) {
      openDetail(p.executionId);
    }
  }

  // ---------------------------------------------------------------- wiring

  async function login(event) {
    event.preventDefault();
    clearMessages();
    const email = $('login-email').value.trim();
    const password = $('login-password').value;
    const fieldIds = (field) => ({email: 'login-email', password: 'login-password'})[field];
    try {
      const response = await fetch('/api/auth/login', {
        method: 'POST',
        headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
        body: JSON.stringify({email, password}),
      });
      if (!response.ok) {
        throw new ApiError(response.status, await readProblem(response));
      }
      saveSession(await response.json());
      $('login-password').value = '';
      await showApp();
    } catch (e) {
      showError(e, fieldIds);
    }
  }

  async function logout() {
    const refreshToken = state.session && state.session.refreshToken;
    clearSession();
    clearMessages();
    showLogin();
    if (refreshToken) {
      // Spend the refresh token server-side too; the access token simply expires.
      fetch('/api/auth/logout', {method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({refreshToken})}).catch(() => {});
    }
    $('login-email').focus();
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('login-form').addEventListener('submit', login);
    $('logout').addEventListener('click', logout);
    $('denied-logout').addEventListener('click', logout);
    $('jobs-refresh').addEventListener('click', () => {
      clearMessages();
      loadJobs();
    });
    $('launch-form').addEventListener('submit', submitLaunch);
    $('launch-cancel').addEventListener('click', () => {
      $('launch-panel').hidden = true;
    });
    $('executions-filter').addEventListener('submit', (event) => {
      event.preventDefault();
      clearMessages();
      loadExecutions(false);
    });
    $('executions-more').addEventListener('click', () => loadExecutions(true));
    $('cron-form').addEventListener('submit', submitCron);
    $('cron-cancel').addEventListener('click', () => {
      $('cron-panel').hidden = true;
    });
    for (const id of ['jobs-title', 'executions-title', 'schedules-title']) {
      $(id).tabIndex = -1;
    }
    window.addEventListener('hashchange', () => {
      clearMessages();
      route();
      const view = (location.hash || '#jobs').slice(1);
      const heading = $((VIEWS[view] ? view : 'jobs') + '-title');
      if (heading && !$('app-view').hidden) {
        heading.focus();
      }
    });

    state.session = loadSession();
    if (state.session) {
      showApp();
    } else {
      showLogin();
    }
  });
})();
