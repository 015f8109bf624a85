<?cs if:subcount(History) ?>
<table class="list compact history">
  <thead><tr><th><?cs var:Lang.client.h_at ?></th><th><?cs var:Lang.client.h_who ?></th><th><?cs var:Lang.client.h_field ?></th><th><?cs var:Lang.client.h_old ?></th><th><?cs var:Lang.client.h_new ?></th><th><?cs var:Lang.client.reason ?></th><th><?cs var:Lang.client.h_event ?></th></tr></thead>
  <tbody><?cs each:h = History ?><tr><td class="nowrap"><?cs var:h.at ?></td><td><?cs var:h.actor ?></td><td><?cs var:h.field ?></td><td class="old"><?cs var:h.old ?></td><td class="new"><?cs var:h.new ?></td><td><?cs var:h.reason ?></td><td class="nowrap"><?cs var:h.event_on ?><?cs if:h.late ?> <span class="tag late"><?cs var:Lang.client.filed_late ?></span><?cs /if ?></td></tr><?cs /each ?></tbody>
</table>
<?cs else ?><p class="empty"><?cs var:Lang.client.no_history ?></p><?cs /if ?>
