<?cs include!"header.cs" ?>
<div class="page-head">
  <h1><?cs var:Lang.admin.calendar.title ?> <?cs var:Page.year ?></h1>
  <div><a class="button" href="/admin/calendar?year=<?cs var:Page.prev ?>"><?cs var:Lang.admin.calendar.prev ?></a> <a class="button" href="/admin/calendar?year=<?cs var:Page.next ?>"><?cs var:Lang.admin.calendar.next ?></a></div>
</div>
<p class="hint"><?cs var:Lang.admin.calendar.hint ?></p>
<?cs if:subcount(Days) ?>
<table class="list compact" id="calendar">
  <thead><tr><th><?cs var:Lang.admin.calendar.day ?></th><th><?cs var:Lang.admin.calendar.weekday ?></th><th><?cs var:Lang.admin.calendar.kind ?></th><th><?cs var:Lang.admin.calendar.name ?></th><th></th></tr></thead>
  <tbody><?cs each:d = Days ?>
    <tr class="<?cs var:d.kind ?>"><td class="nowrap"><?cs var:d.day ?></td><td><?cs var:Lang.admin.calendar.weekdays[d.weekday] ?></td><td><?cs var:Lang.admin.calendar.kinds[d.kind] ?></td><td><?cs var:d.name ?></td>
    <td><form method="post" action="/admin/calendar/delete" class="inline"><?cs call:csrf() ?><input type="hidden" name="day" value="<?cs var:d.day ?>"><button type="submit" class="link"><?cs var:Lang.admin.calendar.remove ?></button></form></td></tr>
  <?cs /each ?></tbody>
</table>
<?cs else ?><p class="empty"><?cs var:Lang.admin.calendar.none ?></p><?cs /if ?>
<section class="card narrow-wide">
  <h2><?cs var:Lang.admin.calendar.add ?></h2>
  <form method="post" action="/admin/calendar">
    <?cs call:csrf() ?>
    <?cs call:text_field("day", Lang.admin.calendar.day, "date", "required") ?>
    <div class="field<?cs if:Form.errors.kind ?> invalid<?cs /if ?>">
      <label for="f-kind"><?cs var:Lang.admin.calendar.kind ?></label>
      <select id="f-kind" name="kind"><?cs each:k = Lang.admin.calendar.kinds ?><option value="<?cs name:k ?>"<?cs if:Form.values.kind == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /each ?></select>
      <?cs call:error_for("kind") ?>
    </div>
    <?cs call:text_field("name", Lang.admin.calendar.name, "text", "maxlength=50 required") ?>
    <button type="submit" class="primary"><?cs var:Lang.admin.calendar.add ?></button>
  </form>
</section>
<?cs include!"footer.cs" ?>
