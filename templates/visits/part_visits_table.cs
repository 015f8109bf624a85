<?cs # a table of visits (Visits.N, view_visit); Page.with_client adds the client's name ?>
<table class="list visits">
  <thead><tr><th><?cs var:Lang.visit.f.visited_on ?></th><?cs if:Page.with_client ?><th><?cs var:Lang.client.f.name ?></th><?cs /if ?><th><?cs var:Lang.visit.f.kind ?></th><th><?cs var:Lang.visit.f.contact ?></th><th><?cs var:Lang.visit.f.summary ?></th><th><?cs var:Lang.visit.f.satisfaction ?></th><th><?cs var:Lang.visit.f.next_follow_up ?></th><th><?cs var:Lang.visit.f.recorded_by ?></th></tr></thead>
  <tbody><?cs each:v = Visits ?>
    <tr><td class="nowrap"><?cs var:v.visited_on ?></td><?cs if:Page.with_client ?><td><a href="/clients/<?cs var:v.client_id ?>"><?cs var:v.client_name ?></a></td><?cs /if ?><td><?cs var:v.kind_text ?></td><td><?cs var:v.contact ?><?cs if:v.attendees ?><br><small><?cs var:v.attendees ?></small><?cs /if ?></td>
    <td class="longtext"><?cs var:v.summary ?><?cs if:v.feedback ?><br><small><?cs var:Lang.visit.f.feedback ?>: <?cs var:v.feedback ?></small><?cs /if ?><?cs if:v.problems ?><br><small><?cs var:Lang.visit.f.problems ?>: <?cs var:v.problems ?></small><?cs /if ?></td>
    <td><?cs alt:v.satisfaction ?>—<?cs /alt ?></td><td class="nowrap"><?cs alt:v.next_follow_up ?>—<?cs /alt ?></td><td><?cs var:v.recorded_by ?></td></tr>
  <?cs /each ?></tbody>
</table>
