<?cs # macros.cs — shared form pieces. Field names are the database column names. ?>
<?cs def:csrf() ?><input type="hidden" name="_csrf" value="<?cs var:CSRF ?>"><?cs /def ?>

<?cs def:error_for(name) ?><?cs if:Form.errors[name] ?><p class="field-error" id="err-<?cs var:name ?>"><?cs var:Form.errors[name] ?></p><?cs /if ?><?cs /def ?>

<?cs def:text_field(name, label, type, attrs) ?>
<div class="field<?cs if:Form.errors[name] ?> invalid<?cs /if ?>">
  <label for="f-<?cs var:name ?>"><?cs var:label ?></label>
  <input id="f-<?cs var:name ?>" name="<?cs var:name ?>" type="<?cs var:type ?>" value="<?cs if:type != "password" ?><?cs var:Form.values[name] ?><?cs /if ?>"<?cs if:Form.errors[name] ?> aria-invalid="true" aria-describedby="err-<?cs var:name ?>"<?cs /if ?> <?cs var:attrs ?>>
  <?cs call:error_for(name) ?>
</div>
<?cs /def ?>

<?cs # a record chosen by name, also without JavaScript (core/people.h): what was typed in <name>_q, the
     chosen id in <name> (hidden once chosen, or a radio among the candidates Form.pick.<name>) ?>
<?cs def:chooser_field(name, label, placeholder, legend) ?>
<div class="field chooser<?cs if:Form.errors[name + "_q"] ?> invalid<?cs /if ?>">
  <label for="f-<?cs var:name ?>_q"><?cs var:label ?></label>
  <span class="chooser-row"><input id="f-<?cs var:name ?>_q" name="<?cs var:name ?>_q" type="search" value="<?cs var:Form.values[name + "_q"] ?>" maxlength="100" autocomplete="off" placeholder="<?cs var:placeholder ?>"<?cs if:Form.errors[name + "_q"] ?> aria-invalid="true" aria-describedby="err-<?cs var:name ?>_q"<?cs /if ?>>
  <button type="submit" name="_find" value="<?cs var:name ?>" class="secondary" formnovalidate><?cs var:Lang.people.find ?></button></span>
  <?cs if:Form.chosen[name] ?><input type="hidden" name="<?cs var:name ?>" value="<?cs var:Form.values[name] ?>"><span class="hint chosen" id="chosen-<?cs var:name ?>"><?cs var:Form.chosen[name] ?></span><?cs /if ?>
  <?cs call:error_for(name + "_q") ?>
  <?cs if:subcount(Form.pick[name]) ?>
  <fieldset class="candidates" id="pick-<?cs var:name ?>"><legend><?cs var:legend ?></legend>
    <?cs each:p = Form.pick[name] ?><label><input type="radio" name="<?cs var:name ?>" value="<?cs var:p.id ?>"> <?cs var:p.name ?> <span class="hint"><?cs var:p.dept ?></span></label><?cs /each ?>
  </fieldset>
  <?cs /if ?>
</div>
<?cs /def ?>
<?cs def:person_field(name, label) ?><?cs call:chooser_field(name, label, Lang.people.placeholder, Lang.people.candidates) ?><?cs /def ?>

<?cs def:dept_select(name, label, allow_empty) ?>
<div class="field<?cs if:Form.errors[name] ?> invalid<?cs /if ?>">
  <label for="f-<?cs var:name ?>"><?cs var:label ?></label>
  <select id="f-<?cs var:name ?>" name="<?cs var:name ?>">
    <?cs if:allow_empty ?><option value=""><?cs var:Lang.admin.depts.no_parent ?></option><?cs /if ?>
    <?cs each:d = Depts ?><option value="<?cs var:d.id ?>"<?cs if:d.id == Form.values[name] ?> selected<?cs /if ?>><?cs var:d.label ?></option><?cs /each ?>
  </select>
  <?cs call:error_for(name) ?>
</div>
<?cs /def ?>

<?cs # a card field's input, by its type (Fields.N from client_fields.h) ?>
<?cs def:card_input(f) ?><?cs if:f.type == "client" ?>
<?cs call:chooser_field(f.col, f.label, Lang.client.referrer_placeholder, Lang.client.referrer_candidates) ?>
<?cs else ?>
<div class="field<?cs if:Form.errors[f.col] ?> invalid<?cs /if ?><?cs if:f.type == "longtext" ?> wide<?cs /if ?>">
  <label for="f-<?cs var:f.col ?>"><?cs var:f.label ?><?cs if:f.required ?> <span class="req">*</span><?cs /if ?></label>
  <?cs if:f.type == "longtext" ?>
  <textarea id="f-<?cs var:f.col ?>" name="<?cs var:f.col ?>" rows="3" maxlength="<?cs var:f.max ?>"><?cs var:Form.values[f.col] ?></textarea>
  <?cs elif:f.type == "enum" ?>
  <select id="f-<?cs var:f.col ?>" name="<?cs var:f.col ?>"><?cs if:!f.required ?><option value="">—</option><?cs /if ?>
    <?cs each:c = f.choices ?><option value="<?cs var:c.id ?>"<?cs if:Form.values[f.col] == c.id ?> selected<?cs /if ?>><?cs var:c.label ?></option><?cs /each ?></select>
  <?cs elif:f.type == "class" || f.type == "grade" ?>
  <select id="f-<?cs var:f.col ?>" name="<?cs var:f.col ?>"><option value="">—</option>
    <?cs each:c = Choices[f.kind] ?><?cs if:f.type != "grade" || c.open ?><option value="<?cs var:c.id ?>"<?cs if:Form.values[f.col] == c.id ?> selected<?cs /if ?>><?cs var:c.label ?></option><?cs /if ?><?cs /each ?></select>
  <?cs else ?>
  <input id="f-<?cs var:f.col ?>" name="<?cs var:f.col ?>" type="<?cs if:f.type == "date" ?>date<?cs elif:f.type == "email" ?>email<?cs else ?>text<?cs /if ?>" value="<?cs var:Form.values[f.col] ?>"<?cs if:f.max ?> maxlength="<?cs var:f.max ?>"<?cs /if ?><?cs if:f.type == "money" || f.type == "int" ?> inputmode="decimal"<?cs /if ?>>
  <?cs /if ?>
  <?cs call:error_for(f.col) ?>
</div>
<?cs /if ?><?cs /def ?>

<?cs # the fields of one card section as a definition list; all = show empty ones too ?>
<?cs def:card_section(n, all) ?>
<dl class="facts">
<?cs each:f = Fields ?><?cs if:f.section == n && (all || f.display != "") ?>
  <dt><?cs var:f.label ?></dt>
  <dd class="<?cs var:f.type ?>"><?cs if:f.display == "" ?>—<?cs elif:f.type == "url" ?><a href="<?cs var:f.value ?>" rel="noopener noreferrer"><?cs var:f.display ?></a><?cs elif:f.type == "client" ?><a href="/clients/<?cs var:f.value ?>"><?cs var:f.display ?></a><?cs else ?><?cs var:f.display ?><?cs /if ?></dd>
<?cs /if ?><?cs /each ?>
</dl>
<?cs /def ?>

<?cs def:blacklist_banner(list, reason) ?><?cs if:list == "company" || list == "department" ?>
<div class="alert blacklist" role="alert"><strong><?cs var:Lang.client.blacklisted[list] ?></strong><?cs if:reason ?> — <?cs var:reason ?><?cs /if ?></div>
<?cs /if ?><?cs /def ?>

<?cs def:dupes_box() ?><?cs if:subcount(Dupes) ?>
<section class="card dupes" id="dupes">
  <h2><?cs var:Lang.client.dupes_title ?></h2>
  <p><?cs var:Lang.client.dupes_text ?></p>
  <table class="list compact"><thead><tr><th><?cs var:Lang.client.f.name ?></th><th><?cs var:Lang.client.owner ?></th><th><?cs var:Lang.client.registered_at ?></th><th><?cs var:Lang.client.dupe_match ?></th><th></th></tr></thead>
  <tbody><?cs each:d = Dupes ?><tr><td><?cs var:d.name ?><?cs if:d.blacklist != "none" ?> <span class="tag bad"><?cs var:Lang.client.blacklisted[d.blacklist] ?></span><?cs /if ?></td><td><?cs var:d.owner ?></td><td><?cs var:d.registered_at ?></td><td><?cs var:d.why ?></td><td><a href="/clients/<?cs var:d.id ?>/request?kind=transfer"><?cs var:Lang.request.kind.transfer ?></a></td></tr><?cs /each ?></tbody></table>
</section>
<?cs /if ?><?cs /def ?>

<?cs # the sections other domains add to a page (core/domain.h struct panel): a table each ?>
<?cs def:panels() ?><?cs each:p = Panels ?>
<section class="card panel" id="<?cs var:p.id ?>">
  <div class="panel-head"><h2><?cs var:p.title ?></h2><?cs each:a = p.actions ?> <a class="button small" href="<?cs var:a.href ?>"><?cs var:a.label ?></a><?cs /each ?></div>
  <?cs if:subcount(p.rows) ?>
  <table class="list compact">
    <thead><tr><?cs each:c = p.cols ?><th><?cs var:c ?></th><?cs /each ?></tr></thead>
    <tbody><?cs each:row = p.rows ?><tr><?cs each:cell = row ?><td><?cs if:cell.href ?><a href="<?cs var:cell.href ?>"><?cs var:cell ?></a><?cs else ?><?cs var:cell ?><?cs /if ?></td><?cs /each ?></tr><?cs /each ?></tbody>
  </table>
  <?cs else ?><p class="empty"><?cs var:p.empty ?></p><?cs /if ?>
  <?cs if:subcount(p.notes) ?><ul class="panel-notes"><?cs each:n = p.notes ?><li><?cs if:n.href ?><a href="<?cs var:n.href ?>"><?cs var:n.label ?></a><?cs else ?><?cs var:n.label ?><?cs /if ?>: <?cs var:n.text ?></li><?cs /each ?></ul><?cs /if ?>
  <?cs if:p.more.href ?><p><a href="<?cs var:p.more.href ?>"><?cs var:p.more.label ?></a></p><?cs /if ?>
  <?cs if:p.more_note ?><p class="hint"><?cs var:p.more_note ?></p><?cs /if ?>
</section>
<?cs /each ?><?cs /def ?>

<?cs # one group of a manager's dashboard (core/domain.h dashboard_fn): each figure links to the list of
     what it counts; a share against its quota is an inline bar (no script) with a line at the quota ?>
<?cs def:dashboard_group(g) ?>
<section class="card dash-group" id="<?cs var:g.id ?>">
  <h3><?cs var:g.title ?></h3>
  <?cs if:subcount(g.rows) ?>
  <table class="figures"><tbody><?cs each:f = g.rows ?>
    <tr id="<?cs var:f.id ?>"<?cs if:f.warn ?> class="warn"<?cs /if ?>>
      <th scope="row"><?cs var:f.label ?></th>
      <td class="figure"><a href="<?cs var:f.href ?>"><?cs var:f.value ?></a> <span class="detail"><?cs if:f.bar.quota ?><svg class="bar" width="84" height="12" viewBox="-2 0 104 14" aria-hidden="true"><rect x="0" y="3" width="100" height="8" fill="#fff" stroke="#555" stroke-width="1"/><rect x="0" y="3" width="<?cs var:f.bar.share ?>" height="8" fill="<?cs if:f.warn ?>#000<?cs else ?>#888<?cs /if ?>"/><line x1="<?cs var:f.bar.quota ?>" x2="<?cs var:f.bar.quota ?>" y1="0" y2="14" stroke="#000" stroke-width="2"/></svg> <?cs /if ?><?cs var:f.detail ?></span></td>
    </tr><?cs /each ?></tbody></table>
  <?cs else ?><p class="empty"><?cs var:g.empty ?></p><?cs /if ?>
  <?cs if:g.note ?><p class="hint"><?cs var:g.note ?></p><?cs /if ?>
</section>
<?cs /def ?>
