<?cs include!"header.cs" ?>
<p class="crumbs"><a href="/clients"><?cs var:Lang.client.list_title ?></a> › <a href="/clients/<?cs var:Card.id ?>"><?cs var:Card.name ?></a></p>
<h1><?cs var:Lang.visit.new ?> <small><?cs var:Card.name ?></small></h1>
<p class="hint"><?cs var:Lang.visit.form_hint ?> <?cs var:Lang.client.last_visit ?>: <?cs alt:Card.last_visit_on ?>—<?cs /alt ?> · <?cs var:Lang.client.next_visit ?>: <?cs alt:Card.next_visit_due ?>—<?cs /alt ?></p>
<section class="card narrow-wide">
  <form method="post" action="/clients/<?cs var:Card.id ?>/visits">
    <?cs call:csrf() ?>
    <div class="grid two">
      <?cs call:text_field("visited_on", Lang.visit.f.visited_on, "date", "required max=" + Page.today) ?>
      <div class="field<?cs if:Form.errors.kind ?> invalid<?cs /if ?>">
        <label for="f-kind"><?cs var:Lang.visit.f.kind ?></label>
        <select id="f-kind" name="kind"><?cs each:k = Lang.visit.kinds ?><option value="<?cs name:k ?>"<?cs if:Form.values.kind == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /each ?></select>
        <?cs call:error_for("kind") ?>
      </div>
      <?cs call:text_field("contact", Lang.visit.f.contact, "text", "maxlength=100") ?>
      <?cs call:text_field("attendees", Lang.visit.f.attendees, "text", "maxlength=200") ?>
    </div>
    <div class="field wide<?cs if:Form.errors.summary ?> invalid<?cs /if ?>">
      <label for="f-summary"><?cs var:Lang.visit.f.summary ?> <span class="req">*</span></label>
      <textarea id="f-summary" name="summary" rows="4" maxlength="2000" required><?cs var:Form.values.summary ?></textarea>
      <?cs call:error_for("summary") ?>
    </div>
    <div class="field wide<?cs if:Form.errors.feedback ?> invalid<?cs /if ?>">
      <label for="f-feedback"><?cs var:Lang.visit.f.feedback ?></label>
      <textarea id="f-feedback" name="feedback" rows="2" maxlength="1000"><?cs var:Form.values.feedback ?></textarea>
      <?cs call:error_for("feedback") ?>
    </div>
    <div class="field wide<?cs if:Form.errors.problems ?> invalid<?cs /if ?>">
      <label for="f-problems"><?cs var:Lang.visit.f.problems ?></label>
      <textarea id="f-problems" name="problems" rows="2" maxlength="1000"><?cs var:Form.values.problems ?></textarea>
      <?cs call:error_for("problems") ?>
    </div>
    <div class="grid two">
      <fieldset class="field<?cs if:Form.errors.satisfaction ?> invalid<?cs /if ?>">
        <legend><?cs var:Lang.visit.f.satisfaction ?></legend>
        <label class="check"><input type="radio" name="satisfaction" value=""<?cs if:!Form.values.satisfaction ?> checked<?cs /if ?>> —</label>
        <?cs loop:i = 1, 5, 1 ?><label class="check"><input type="radio" name="satisfaction" value="<?cs var:i ?>"<?cs if:Form.values.satisfaction == i ?> checked<?cs /if ?>> <?cs var:i ?></label><?cs /loop ?>
        <?cs call:error_for("satisfaction") ?>
      </fieldset>
      <?cs call:text_field("next_follow_up", Lang.visit.f.next_follow_up, "date", "") ?>
    </div>
    <p class="hint"><?cs var:Lang.visit.next_hint ?></p>
    <button type="submit" class="primary"><?cs var:Lang.visit.save ?></button>
  </form>
</section>
<?cs include!"footer.cs" ?>
