<?cs include!"header.cs" ?>
<p class="crumbs"><a href="/complaints"><?cs var:Lang.complaint.list ?></a> › <a href="/clients/<?cs var:Complaint.client_id ?>"><?cs var:Complaint.client_name ?></a></p>
<h1><?cs var:Lang.complaint.title ?> #<?cs var:Complaint.id ?> <small><?cs var:Complaint.client_name ?></small></h1>
<?cs if:Page.error_message ?><p class="alert"><?cs var:Page.error_message ?></p><?cs /if ?>
<section class="card">
  <dl class="facts inline" id="complaint-facts">
    <dt><?cs var:Lang.complaint.f.status ?></dt><dd><span class="tag"><?cs var:Lang.complaint.st[Complaint.status] ?></span><?cs if:Complaint.urgent == "1" ?> <span class="tag late"><?cs var:Lang.complaint.urgencies.urgent ?></span><?cs /if ?></dd>
    <dt><?cs var:Lang.complaint.due_on ?></dt><dd id="due-on"<?cs if:Complaint.overdue ?> class="overdue"<?cs /if ?>><?cs var:Complaint.due_on ?><?cs if:Complaint.overdue ?> (<?cs var:Lang.complaint.overdue ?>)<?cs /if ?></dd>
    <dt><?cs var:Lang.complaint.f.received_at ?></dt><dd><?cs var:Complaint.received_at ?> · <?cs var:Lang.complaint.channels[Complaint.channel] ?></dd>
    <dt><?cs var:Lang.complaint.f.registrant ?></dt><dd><?cs var:Complaint.registrant ?> · <?cs var:Complaint.registered_at ?></dd>
    <?cs if:Complaint.reopened != "0" ?><dt><?cs var:Lang.complaint.f.reopened ?></dt><dd><?cs var:Complaint.reopened ?></dd><?cs /if ?>
  </dl>
  <h2><?cs var:Lang.complaint.f.content ?></h2>
  <p class="longtext"><?cs var:Complaint.content ?></p>
  <?cs if:Complaint.feedback ?><p><strong><?cs var:Lang.complaint.f.feedback ?>:</strong> <?cs var:Lang.complaint.feedbacks[Complaint.feedback] ?><?cs if:Complaint.feedback_note ?> — <?cs var:Complaint.feedback_note ?><?cs /if ?></p><?cs /if ?>
</section>
<?cs if:Can.handle && Complaint.status != "closed" ?>
<section class="card">
  <h2><?cs var:Lang.complaint.handling ?></h2>
  <form method="post" action="/complaints/<?cs var:Complaint.id ?>">
    <?cs call:csrf() ?>
    <input type="hidden" name="version" value="<?cs var:Form.values.version ?>">
    <?cs call:person_field("assignee", Lang.complaint.f.assignee) ?>
    <?cs each:f = Lang.complaint.steps ?>
    <div class="field wide<?cs if:Form.errors[name(f)] ?> invalid<?cs /if ?>">
      <label for="f-<?cs name:f ?>"><?cs var:f ?></label>
      <textarea id="f-<?cs name:f ?>" name="<?cs name:f ?>" rows="3" maxlength="2000"><?cs var:Form.values[name(f)] ?></textarea>
      <?cs call:error_for(name(f)) ?>
    </div>
    <?cs /each ?>
    <label class="check"><input type="checkbox" name="answered" value="1"<?cs if:Complaint.status == "answered" ?> checked<?cs /if ?>> <?cs var:Lang.complaint.mark_answered ?></label>
    <p><button type="submit" class="primary"><?cs var:Lang.complaint.save ?></button></p>
  </form>
</section>
<?cs else ?>
<section class="card">
  <h2><?cs var:Lang.complaint.handling ?></h2>
  <dl class="facts">
    <dt><?cs var:Lang.complaint.f.assignee ?></dt><dd><?cs alt:Complaint.assignee ?>—<?cs /alt ?></dd>
    <?cs each:f = Lang.complaint.steps ?><dt><?cs var:f ?></dt><dd class="longtext"><?cs alt:Complaint[name(f)] ?>—<?cs /alt ?></dd><?cs /each ?>
  </dl>
</section>
<?cs /if ?>
<?cs if:Can.handle && Complaint.status == "answered" ?>
<section class="card narrow-wide" id="feedback">
  <h2><?cs var:Lang.complaint.f.feedback ?></h2>
  <p class="hint"><?cs var:Lang.complaint.feedback_hint ?></p>
  <form method="post" action="/complaints/<?cs var:Complaint.id ?>/feedback">
    <?cs call:csrf() ?>
    <input type="hidden" name="version" value="<?cs var:Complaint.version ?>">
    <?cs each:f = Lang.complaint.feedbacks ?><label class="check"><input type="radio" name="feedback" value="<?cs name:f ?>" required> <?cs var:f ?></label><?cs /each ?>
    <?cs call:text_field("feedback_note", Lang.complaint.f.feedback_note, "text", "maxlength=1000") ?>
    <button type="submit"><?cs var:Lang.complaint.save_feedback ?></button>
  </form>
</section>
<?cs /if ?>
<?cs include!"footer.cs" ?>
