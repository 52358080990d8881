/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-sign-in-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "vg-sign-in-dialog.h"

struct _VgSignInDialog
{
  AdwMessageDialog  parent_instance;

  GtkLabel         *note_label;
  GtkListBox       *list;

  VgRoster         *roster;
  GPtrArray        *checks;     /* GtkCheckButton per roster entry */
  VgOperator       *selected;
};

G_DEFINE_FINAL_TYPE (VgSignInDialog, vg_sign_in_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
toggled_cb (GtkCheckButton *check,
            VgSignInDialog *self)
{
  guint index;

  if (!gtk_check_button_get_active (check) || !g_ptr_array_find (self->checks, check, &index))
    return;
  g_clear_object (&self->selected);
  self->selected = g_list_model_get_item (G_LIST_MODEL (self->roster), index);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "sign-in", TRUE);
}

static void
vg_sign_in_dialog_dispose (GObject *object)
{
  VgSignInDialog *self = VG_SIGN_IN_DIALOG (object);

  g_clear_object (&self->roster);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (vg_sign_in_dialog_parent_class)->dispose (object);
}

static void
vg_sign_in_dialog_class_init (VgSignInDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vg_sign_in_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/vg-sign-in-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VgSignInDialog, note_label);
  gtk_widget_class_bind_template_child (widget_class, VgSignInDialog, list);
}

static void
vg_sign_in_dialog_init (VgSignInDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->checks = g_ptr_array_new ();
}

VgSignInDialog *
vg_sign_in_dialog_new (GtkWindow  *parent,
                       VgRoster   *roster,
                       const char *note)
{
  VgSignInDialog *self;
  GtkCheckButton *group = NULL;

  g_return_val_if_fail (VG_IS_ROSTER (roster), NULL);

  self = g_object_new (VG_TYPE_SIGN_IN_DIALOG, "transient-for", parent, NULL);
  self->roster = g_object_ref (roster);
  gtk_label_set_text (self->note_label, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (roster)); i++)
    {
      g_autoptr(VgOperator) person = g_list_model_get_item (G_LIST_MODEL (roster), i);
      g_autofree char *title = g_markup_printf_escaped ("%s — %s", vg_operator_get_name (person),
                                                        vg_role_get_label (vg_operator_get_role (person)));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (vg_operator_get_function (person) != NULL)
        {
          g_autofree char *function = g_markup_escape_text (vg_operator_get_function (person), -1);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), function);
        }
      gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      group = GTK_CHECK_BUTTON (check);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (toggled_cb), self, 0);
      g_ptr_array_add (self->checks, check);
      gtk_list_box_append (self->list, row);
    }
  return self;
}

void
vg_sign_in_dialog_select (VgSignInDialog *self,
                          guint           index)
{
  g_return_if_fail (VG_IS_SIGN_IN_DIALOG (self));
  g_return_if_fail (index < self->checks->len);

  gtk_check_button_set_active (g_ptr_array_index (self->checks, index), TRUE);
}

VgOperator *
vg_sign_in_dialog_get_selected (VgSignInDialog *self)
{
  g_return_val_if_fail (VG_IS_SIGN_IN_DIALOG (self), NULL);

  return self->selected;
}
