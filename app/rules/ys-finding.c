#include "config.h"

#include "ys-i18n-private.h"

#include "ys-finding-private.h"
#include "ys-kinds.h"

G_DEFINE_ENUM_TYPE (YsFindingLevel, ys_finding_level,
  G_DEFINE_ENUM_VALUE (YS_FINDING_ERROR, "error"),
  G_DEFINE_ENUM_VALUE (YS_FINDING_WARNING, "warning"),
  G_DEFINE_ENUM_VALUE (YS_FINDING_INFO, "info"))

G_DEFINE_ENUM_TYPE (YsReviewStatus, ys_review_status,
  G_DEFINE_ENUM_VALUE (YS_REVIEW_PENDING, "pending"),
  G_DEFINE_ENUM_VALUE (YS_REVIEW_ACCEPTED, "accepted"),
  G_DEFINE_ENUM_VALUE (YS_REVIEW_RETURNED, "returned"))

/* The words of the review kind's status choices, in enum order. */
static const char *const status_words[] = { "待审", "已认可", "退回" };

const char *
ys_finding_level_to_string (YsFindingLevel level)
{
  switch (level)
    {
    case YS_FINDING_ERROR:
      return C_("finding level", "Error");
    case YS_FINDING_WARNING:
      return C_("finding level", "Warning");
    case YS_FINDING_INFO:
    default:
      return C_("finding level", "Information");
    }
}

const char *
ys_review_status_to_word (YsReviewStatus status)
{
  g_return_val_if_fail (status <= YS_REVIEW_RETURNED, status_words[0]);
  return status_words[status];
}

YsReviewStatus
ys_review_status_from_word (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_words); i++)
    if (g_strcmp0 (word, status_words[i]) == 0)
      return (YsReviewStatus) i;
  return YS_REVIEW_PENDING;
}

G_DEFINE_FINAL_TYPE (YsFinding, ys_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RULE_ID,
  PROP_LEVEL,
  PROP_KEY,
  PROP_TITLE,
  PROP_MESSAGE,
  PROP_HINT,
  PROP_BASIS,
  PROP_DIGEST,
  PROP_UNIT_CODE,
  PROP_RECORD,
  PROP_FIELD,
  PROP_LOCATION,
  PROP_EXPLANATION,
  PROP_REVIEW_STATUS,
  PROP_COMMENT,
  PROP_REVIEW_STALE,
  PROP_REVIEWER,
  PROP_DECIDED_AT,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
ys_finding_finalize (GObject *object)
{
  YsFinding *self = YS_FINDING (object);

  g_free (self->key);
  g_free (self->message);
  g_free (self->digest);
  g_clear_object (&self->record);
  g_free (self->explanation);
  g_free (self->comment);
  g_free (self->reviewer);
  g_free (self->decided_at);
  G_OBJECT_CLASS (ys_finding_parent_class)->finalize (object);
}

static void
ys_finding_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  YsFinding *self = YS_FINDING (object);

  switch (prop_id)
    {
    case PROP_RULE_ID:
      g_value_set_string (value, self->rule_id);
      break;
    case PROP_LEVEL:
      g_value_set_enum (value, self->level);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_HINT:
      g_value_set_string (value, self->hint);
      break;
    case PROP_BASIS:
      g_value_set_string (value, self->basis);
      break;
    case PROP_DIGEST:
      g_value_set_string (value, self->digest);
      break;
    case PROP_UNIT_CODE:
      g_value_set_string (value, self->unit_code);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_FIELD:
      g_value_set_int (value, self->field);
      break;
    case PROP_LOCATION:
      g_value_take_string (value, ys_finding_describe_location (self));
      break;
    case PROP_EXPLANATION:
      g_value_set_string (value, self->explanation);
      break;
    case PROP_REVIEW_STATUS:
      g_value_set_enum (value, self->review_status);
      break;
    case PROP_COMMENT:
      g_value_set_string (value, self->comment);
      break;
    case PROP_REVIEW_STALE:
      g_value_set_boolean (value, self->review_stale);
      break;
    case PROP_REVIEWER:
      g_value_set_string (value, self->reviewer);
      break;
    case PROP_DECIDED_AT:
      g_value_set_string (value, self->decided_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_finding_class_init (YsFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = ys_finding_finalize;
  object_class->get_property = ys_finding_get_property;

  properties[PROP_RULE_ID] = g_param_spec_string ("rule-id", NULL, NULL, NULL, flags);
  properties[PROP_LEVEL] = g_param_spec_enum ("level", NULL, NULL, YS_TYPE_FINDING_LEVEL,
                                              YS_FINDING_INFO, flags);
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);
  properties[PROP_HINT] = g_param_spec_string ("hint", NULL, NULL, NULL, flags);
  properties[PROP_BASIS] = g_param_spec_string ("basis", NULL, NULL, NULL, flags);
  properties[PROP_DIGEST] = g_param_spec_string ("digest", NULL, NULL, NULL, flags);
  properties[PROP_UNIT_CODE] = g_param_spec_string ("unit-code", NULL, NULL, NULL, flags);
  properties[PROP_RECORD] = g_param_spec_object ("record", NULL, NULL, YS_TYPE_RECORD, flags);
  properties[PROP_FIELD] = g_param_spec_int ("field", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_LOCATION] = g_param_spec_string ("location", NULL, NULL, NULL, flags);
  properties[PROP_EXPLANATION] = g_param_spec_string ("explanation", NULL, NULL, NULL, flags);
  properties[PROP_REVIEW_STATUS] = g_param_spec_enum ("review-status", NULL, NULL, YS_TYPE_REVIEW_STATUS,
                                                      YS_REVIEW_PENDING, flags);
  properties[PROP_COMMENT] = g_param_spec_string ("comment", NULL, NULL, NULL, flags);
  properties[PROP_REVIEW_STALE] = g_param_spec_boolean ("review-stale", NULL, NULL, FALSE, flags);
  properties[PROP_REVIEWER] = g_param_spec_string ("reviewer", NULL, NULL, NULL, flags);
  properties[PROP_DECIDED_AT] = g_param_spec_string ("decided-at", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ys_finding_init (YsFinding *self)
{
  self->field = -1;
}

YsFinding *
ys_finding_new (const char     *rule_id,
                guint           rule_index,
                YsFindingLevel  level,
                const char     *title,
                const char     *hint,
                const char     *basis,
                char           *key,
                char           *message,
                char           *digest,
                const char     *unit_code,
                YsRecord       *record,
                int             field)
{
  YsFinding *self = g_object_new (YS_TYPE_FINDING, NULL);

  self->rule_id = rule_id;
  self->rule_index = rule_index;
  self->level = level;
  self->title = title;
  self->hint = hint;
  self->basis = basis;
  self->key = key;
  self->message = message;
  self->digest = digest;
  self->unit_code = unit_code;
  self->record = record ? g_object_ref (record) : NULL;
  self->field = field;
  return self;
}

static void
take_string (YsFinding *self, char **slot, char **fresh, guint prop)
{
  if (g_strcmp0 (*slot, *fresh) == 0)
    return;
  g_free (*slot);
  *slot = g_steal_pointer (fresh);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
ys_finding_update_from (YsFinding *self, YsFinding *fresh)
{
  gboolean moved = self->record != fresh->record || self->field != fresh->field
                   || self->unit_code != fresh->unit_code;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->level != fresh->level)
    {
      self->level = fresh->level;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
    }
  take_string (self, &self->message, &fresh->message, PROP_MESSAGE);
  take_string (self, &self->digest, &fresh->digest, PROP_DIGEST);
  if (self->hint != fresh->hint)
    {
      self->hint = fresh->hint;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HINT]);
    }
  if (moved)
    {
      g_set_object (&self->record, fresh->record);
      self->field = fresh->field;
      self->unit_code = fresh->unit_code;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT_CODE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCATION]);
    }
  self->owner = fresh->owner;
  self->rule_index = fresh->rule_index;
  g_object_thaw_notify (G_OBJECT (self));
}

void
ys_finding_apply_review (YsFinding *self, YsRecord *review)
{
  g_autofree char *explanation = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *reviewer = NULL;
  g_autofree char *decided_at = NULL;
  YsReviewStatus status = YS_REVIEW_PENDING;
  gboolean stale = FALSE;

  /* No review, and none before: nothing changes (most findings). */
  if (review == NULL && self->explanation == NULL && self->comment == NULL && self->reviewer == NULL
      && self->decided_at == NULL && self->review_status == YS_REVIEW_PENDING && !self->review_stale)
    return;
  if (review != NULL)
    {
      const char *digest = ys_record_get_text (review, YS_REVIEW_DIGEST);

      explanation = g_strdup (ys_record_get_text (review, YS_REVIEW_EXPLANATION));
      comment = g_strdup (ys_record_get_text (review, YS_REVIEW_COMMENT));
      reviewer = g_strdup (ys_record_get_text (review, YS_REVIEW_REVIEWER));
      decided_at = g_strdup (ys_record_get_text (review, YS_REVIEW_DECIDED_AT));
      status = ys_review_status_from_word (ys_record_get_text (review, YS_REVIEW_STATUS));
      /* The review was given for the figures it saw; new figures need a new look. */
      if (g_strcmp0 (digest, self->digest) != 0)
        {
          stale = status != YS_REVIEW_PENDING;
          status = YS_REVIEW_PENDING;
        }
      /* An error cannot be accepted away, even by a review stored before it became one. */
      if (status == YS_REVIEW_ACCEPTED && self->level == YS_FINDING_ERROR)
        status = YS_REVIEW_PENDING;
    }
  if (explanation && explanation[0] == '\0')
    g_clear_pointer (&explanation, g_free);
  if (comment && comment[0] == '\0')
    g_clear_pointer (&comment, g_free);
  if (reviewer && reviewer[0] == '\0')
    g_clear_pointer (&reviewer, g_free);
  if (decided_at && decided_at[0] == '\0')
    g_clear_pointer (&decided_at, g_free);

  g_object_freeze_notify (G_OBJECT (self));
  take_string (self, &self->explanation, &explanation, PROP_EXPLANATION);
  take_string (self, &self->comment, &comment, PROP_COMMENT);
  take_string (self, &self->reviewer, &reviewer, PROP_REVIEWER);
  take_string (self, &self->decided_at, &decided_at, PROP_DECIDED_AT);
  if (self->review_status != status)
    {
      self->review_status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW_STATUS]);
    }
  if (self->review_stale != stale)
    {
      self->review_stale = stale;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW_STALE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
ys_finding_get_rule_id (YsFinding *self)
{
  g_return_val_if_fail (YS_IS_FINDING (self), NULL);
  return self->rule_id;
}

YsFindingLevel
ys_finding_get_level (YsFinding *self)
{
  g_return_val_if_fail (YS_IS_FINDING (self), YS_FINDING_INFO);
  return self->level;
}

const char *
ys_finding_get_key (YsFinding *self)
{
  g_return_val_if_fail (YS_IS_FINDING (self), NULL);
  return self->key;
}

const char *
ys_finding_get_title (YsFinding *self)
{
  g_return_val_if_fail (YS_IS_FINDING (self), NULL);
  return self->title;
}

const char *
ys_finding_get_message (YsFinding *self)
{
  g_return_val_if_fail (YS_IS_FINDING (self), NULL);
  return self->message;
}

const char *
ys_finding_get_hint (YsFinding *self)
{
  g_return_val_if_fail (YS_IS_FINDING (self), NULL);
  return self->hint;
}

const char *
ys_finding_get_basis (YsFinding *self)
{
  g_return_val_if_fail (YS_IS_FINDING (self), NULL);
  return self->basis;
}

const char *
ys_finding_get_digest (YsFinding *self)
{
  g_return_val_if_fail (YS_IS_FINDING (self), NULL);
  return self->digest;
}

const char *
ys_finding_get_unit_code (YsFinding *self)
{
  g_return_val_if_fail (YS_IS_FINDING (self), NULL);
  return self->unit_code;
}

const YsKind *
ys_finding_get_kind (YsFinding *self)
{
  g_return_val_if_fail (YS_IS_FINDING (self), NULL);
  return self->record ? ys_record_get_kind (self->record) : NULL;
}

gint64
ys_finding_get_record_id (YsFinding *self)
{
  g_return_val_if_fail (YS_IS_FINDING (self), 0);
  return self->record ? ys_record_get_id (self->record) : 0;
}

YsRecord *
ys_finding_get_record (YsFinding *self)
{
  g_return_val_if_fail (YS_IS_FINDING (self), NULL);
  return self->record;
}

int
ys_finding_get_field (YsFinding *self)
{
  g_return_val_if_fail (YS_IS_FINDING (self), -1);
  return self->field;
}

char *
ys_finding_describe_location (YsFinding *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (YS_IS_FINDING (self), NULL);

  if (self->unit_code && self->unit_code[0])
    g_string_append_printf (out, _("unit %s"), self->unit_code);
  if (self->record && ys_record_get_kind (self->record) != &ys_project_kind)
    {
      int field = ys_kind_find_field (ys_record_get_kind (self->record), "project_code");
      const char *project = field >= 0 ? ys_record_get_text (self->record, field) : "";

      if (project[0] != '\0')
        {
          if (out->len)
            g_string_append (out, " › ");
          g_string_append_printf (out, _("project %s"), project);
        }
    }
  if (self->record && ys_record_get_kind (self->record) != &ys_unit_kind)
    {
      g_autofree char *what = ys_record_describe (self->record);
      if (out->len)
        g_string_append (out, " › ");
      g_string_append (out, what);
    }
  if (self->record && self->field >= 0)
    {
      const YsKind *kind = ys_record_get_kind (self->record);
      if (out->len)
        g_string_append (out, " › ");
      g_string_append (out, _(kind->fields[self->field].label));
    }
  return g_string_free (out, FALSE);
}

const char *
ys_finding_get_explanation (YsFinding *self)
{
  g_return_val_if_fail (YS_IS_FINDING (self), NULL);
  return self->explanation;
}

YsReviewStatus
ys_finding_get_review_status (YsFinding *self)
{
  g_return_val_if_fail (YS_IS_FINDING (self), YS_REVIEW_PENDING);
  return self->review_status;
}

const char *
ys_finding_get_comment (YsFinding *self)
{
  g_return_val_if_fail (YS_IS_FINDING (self), NULL);
  return self->comment;
}

gboolean
ys_finding_get_review_stale (YsFinding *self)
{
  g_return_val_if_fail (YS_IS_FINDING (self), FALSE);
  return self->review_stale;
}

const char *
ys_finding_get_reviewer (YsFinding *self)
{
  g_return_val_if_fail (YS_IS_FINDING (self), NULL);
  return self->reviewer;
}

const char *
ys_finding_get_decided_at (YsFinding *self)
{
  g_return_val_if_fail (YS_IS_FINDING (self), NULL);
  return self->decided_at;
}

char *
ys_finding_describe_decision_time (YsFinding *self)
{
  g_autoptr(GDateTime) time = NULL;

  g_return_val_if_fail (YS_IS_FINDING (self), NULL);
  if (self->decided_at == NULL)
    return NULL;
  time = g_date_time_new_from_iso8601 (self->decided_at, NULL);
  if (time == NULL)
    return g_strdup (self->decided_at);
  /* The reviewer's own clock, as it was when the decision was made. */
  return g_date_time_format (time, "%Y-%m-%d %H:%M");
}

gboolean
ys_finding_is_same_problem (YsFinding *self, YsFinding *other)
{
  g_return_val_if_fail (YS_IS_FINDING (self), FALSE);
  g_return_val_if_fail (YS_IS_FINDING (other), FALSE);
  return self->level == other->level
      && g_strcmp0 (self->rule_id, other->rule_id) == 0
      && g_strcmp0 (self->message, other->message) == 0;
}
