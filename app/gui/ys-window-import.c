/* The window's actions for getting a budget's figures in: 导入工作簿 into
 * the page shown (or 支出明细), and 以本预算新建下一年度. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-next-year-dialog.h"
#include "ys-page.h"
#include "ys-window-private.h"

static gboolean
can_change (YsWindow *self)
{
  return self->document != NULL && !ys_document_is_read_only (self->document);
}

static void
import_sheet_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  YsWindow *self = user_data;
  GtkWidget *page = gtk_stack_get_visible_child (self->page_stack);

  if (!can_change (self))
    return;
  /* A page that holds no records of a sheet takes them on 支出明细. */
  if (!YS_IS_PAGE (page) || ys_page_get_import_kind (YS_PAGE (page)) == NULL)
    {
      ys_window_select_page (self, "lines");
      page = gtk_stack_get_visible_child (self->page_stack);
    }
  ys_page_import (YS_PAGE (page), NULL, NULL);
}

static void
next_year_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  YsWindow *self = user_data;

  if (self->document == NULL)
    return;
  gtk_window_present (GTK_WINDOW (ys_next_year_dialog_new (GTK_WINDOW (self), self->document)));
}

static const GActionEntry import_actions[] = {
  { .name = "import-sheet", .activate = import_sheet_activated },
  { .name = "next-year", .activate = next_year_activated },
};

void
ys_window_import_update_actions (YsWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "import-sheet");

  if (action == NULL)
    return;
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), can_change (self));
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "next-year");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->document != NULL);
}

void
ys_window_import_install_actions (YsWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), import_actions, G_N_ELEMENTS (import_actions), self);
}
