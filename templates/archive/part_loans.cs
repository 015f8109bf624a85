<table class="list compact" id="loans">
  <thead><tr><th>#</th><th><?cs var:Lang.archive.f.no ?></th><th><?cs var:Lang.archive.f.title ?></th><th><?cs var:Lang.archive.f.borrower ?></th><th><?cs var:Lang.archive.f.copies ?></th><th><?cs var:Lang.archive.f.reason ?></th><th><?cs var:Lang.archive.f.out_at ?></th><th><?cs var:Lang.archive.f.due_at ?></th><th><?cs var:Lang.archive.f.returned_at ?></th><th><?cs var:Lang.archive.f.condition ?></th></tr></thead>
  <tbody><?cs each:l = Loans ?>
    <tr id="loan-<?cs var:l.id ?>"><td><?cs var:l.id ?></td><td><a href="/archive/items/<?cs var:l.item_id ?>"><?cs var:l.no ?></a></td><td><?cs var:l.title ?></td><td><?cs var:l.borrower ?></td><td><?cs var:l.copies ?></td><td><?cs var:l.reason ?></td>
    <td class="nowrap"><?cs var:l.out_at ?><?cs if:l.kind == "reading" ?> <span class="tag"><?cs var:Lang.archive.reading_room ?></span><?cs /if ?></td>
    <td class="nowrap<?cs if:l.late ?> overdue<?cs /if ?>"><?cs var:l.due_at ?><?cs if:l.late ?> <span class="tag late"><?cs var:Lang.archive.late ?></span><?cs /if ?></td>
    <td class="nowrap"><?cs alt:l.returned_at ?>—<?cs /alt ?><?cs if:l.by_job == "1" ?> <span class="tag late"><?cs var:Lang.archive.closed_by_job ?></span><?cs /if ?></td>
    <td><?cs if:l.cond ?><?cs var:Lang.archive.condition[l.cond] ?><?cs /if ?></td></tr>
  <?cs /each ?></tbody>
</table>
