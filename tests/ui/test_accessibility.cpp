// Every interactive widget an operator can reach has an accessible name (what a screen reader
// says): set explicitly, taken from its text, or from the label that is its buddy.
#include "consolesession.h"
#include "jobwindow.h"
#include "mainwindow.h"
#include "nodedetailview.h"
#include "nodetablemodel.h"
#include "profiledialog.h"
#include "provisionwizard.h"
#include "secrets/memorysecretstore.h"
#include "settingsdialog.h"
#include "simprocess.h"
#include "tokendialog.h"
#include "verificationview.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace {

bool interactive(QWidget *w)
{
    return qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w) ||
           qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractItemView *>(w) ||
           qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QPlainTextEdit *>(w);
}

QStringList unnamed(const QList<QWidget *> &windows)
{
    QStringList out;
    for (QWidget *window : windows) {
        for (QWidget *w : window->findChildren<QWidget *>()) {
            if (!w->isVisible() || !interactive(w) || w->focusPolicy() == Qt::NoFocus)
                continue;
            // Internal parts of composite widgets (a combo's line edit, a spin box's editor).
            if (qobject_cast<QComboBox *>(w->parentWidget()) ||
                qobject_cast<QAbstractSpinBox *>(w->parentWidget()))
                continue;
            QAccessibleInterface *a = QAccessible::queryAccessibleInterface(w);
            const QString name = a ? a->text(QAccessible::Name).trimmed() : QString();
            if (name.isEmpty())
                out << u"%1 %2 in %3"_s.arg(QString::fromLatin1(w->metaObject()->className()),
                                            w->objectName(), window->objectName());
        }
    }
    return out;
}

} // namespace

TEST(Accessibility, EveryInteractiveWidgetHasAName)
{
    QAccessible::setActive(true);
    prego::test::ConsoleSession session;
    ASSERT_TRUE(session.open({u"--demo-fleet"_s, u"4"_s, u"--time-scale"_s, u"0.01"_s}, u"a11y"_s))
        << session.sim.error().toStdString();
    prego::MainWindow *window = session.window();

    window->openNode(window->model()->nodes().first().nodeId);
    window->openJob(u"0b9c3d6e-0000-4000-8000-000000000001"_s);
    prego::ProvisionWizard *wizard = window->openWizard();
    prego::ProfileDialog profiles(window);
    profiles.show();
    prego::MemorySecretStore memory;
    prego::TokenDialog token(u"a11y"_s, nullptr, &memory, window);
    token.show();
    prego::SettingsDialog *settings = window->openSettings();
    QStringList missing;
    for (auto view : {prego::MainWindow::View::Dashboard, prego::MainWindow::View::Heatmap,
                      prego::MainWindow::View::Jobs, prego::MainWindow::View::Verification}) {
        window->showView(view);
        QApplication::processEvents();
        missing << unnamed(
            {window, window->nodeDetail(), window->jobWindow(), &profiles, &token, settings});
    }
    for (int page = 0; page < 3; ++page) {
        QApplication::processEvents();
        missing << unnamed({wizard});
        wizard->tenantEdit()->setText(u"a11y-tenant"_s);
        wizard->next();
        if (wizard->currentId() == prego::ProvisionWizard::PlacementPage)
            wizard->selectTarget(window->model()->nodes().first().nodeId);
    }
    missing.removeDuplicates();
    EXPECT_TRUE(missing.isEmpty()) << missing.join(u'\n').toStdString();
}
