// Issue 6: switching the language at run time with every main view, window and dialog open
// leaves no visible text in the other language. The walk reads what an operator reads: labels,
// buttons, check boxes, window titles, menus, tab and header texts, combo items, placeholders and
// chart titles. Data from the control plane (node and job ids, hostnames, stage names from the
// server) is not translated and is recognised as identifiers or listed below.
#include "consolesession.h"
#include "heatmapview.h"
#include "historychartview.h"
#include "joblistview.h"
#include "jobwindow.h"
#include "mainwindow.h"
#include "nodedetailview.h"
#include "nodetablemodel.h"
#include "profiledialog.h"
#include "provisionwizard.h"
#include "secrets/memorysecretstore.h"
#include "simprocess.h"
#include "tokendialog.h"
#include "verificationview.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace {

// Proper nouns, product names, units and protocol words that read the same in both languages.
const QStringList &allowedLatinWords()
{
    static const QStringList words{
        u"Qt"_s, u"CPU"_s, u"IPv4"_s, u"JSON"_s, u"Pulumi"_s, u"Prego"_s, u"DNS"_s, u"UUID"_s,
        u"ID"_s, u"app"_s, u"db"_s, u"redis"_s, u"English"_s, u"http"_s, u"https"_s, u"demo"_s,
        u"DoD"_s, u"HTTP"_s, u"TLS"_s, u"CA"_s, u"PEM"_s, u"URL"_s, u"Hetzner"_s, u"Bearer"_s,
        u"UTC"_s,
        // the checks' names (M1–M3, E1–E4) and the contract's field names
        u"cpu_pct"_s, u"memory_pct"_s, u"disk_pct"_s, u"tenant_count"_s, u"GET"_s,
        // the contract's stage names without '_' in them, and the tool
        u"validate"_s, u"dns"_s, u"ansible"_s, u"callbacks"_s, u"Ansible"_s,
        // Hetzner's location codes without digits
        u"ash"_s, u"hil"_s, u"sin"_s,
        // the demo's silences: reasons operators wrote, shown as they wrote them
        u"kernel"_s, u"upgrade"_s, u"provider"_s, u"network"_s, u"maintenance"_s, u"in"_s};
    return words;
}

// Words of a text that are neither Korean nor identifiers nor allowed: what leaked.
QStringList englishWords(const QString &text)
{
    QStringList leaked;
    static const QRegularExpression token(u"[^\\s(),;·—–:\"'%…]+"_s);
    auto it = token.globalMatch(text);
    while (it.hasNext()) {
        QString t = it.next().captured();
        t.remove(u'&'); // mnemonics
        // Identifiers: anything with a digit, '-', '_', '.', '@', '{' or '|' in it (ids,
        // hostnames, stacks, regions, versions, placeholders).
        static const QRegularExpression identifier(u"[0-9_\\-.@{}|<>=+*#/\\[\\]]"_s);
        if (t.contains(identifier))
            continue;
        static const QRegularExpression latin(u"^[A-Za-z]{2,}$"_s);
        if (!latin.match(t).hasMatch())
            continue;
        if (allowedLatinWords().contains(t))
            continue;
        leaked << t;
    }
    return leaked;
}

bool hasHangul(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3)
            return true;
    }
    return false;
}

// Every text an operator can read in these top-level widgets, with where it was found.
QList<QPair<QString, QString>> visibleTexts(const QList<QWidget *> &windows)
{
    QList<QPair<QString, QString>> out;
    const auto add = [&](const QObject *where, const QString &text) {
        if (!text.trimmed().isEmpty())
            out.append(
                {QString::fromLatin1(where->metaObject()->className()) + u' ' + where->objectName(),
                 text});
    };
    for (QWidget *window : windows) {
        add(window, window->windowTitle());
        QList<QWidget *> widgets = window->findChildren<QWidget *>();
        widgets.prepend(window);
        for (QWidget *w : widgets) {
            // The control plane's own words are shown as sent (English), beside a translated
            // explanation: the one documented exception.
            if (!w->isVisible() || w->objectName() == u"serverMessage")
                continue;
            if (auto *label = qobject_cast<QLabel *>(w))
                add(w, label->text());
            else if (auto *button = qobject_cast<QAbstractButton *>(w))
                add(w, button->text());
            else if (auto *box = qobject_cast<QGroupBox *>(w))
                add(w, box->title());
            else if (auto *edit = qobject_cast<QLineEdit *>(w))
                add(w, edit->placeholderText());
            else if (auto *combo = qobject_cast<QComboBox *>(w)) {
                for (int i = 0; i < combo->count(); ++i)
                    add(w, combo->itemText(i));
            } else if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
                for (int i = 0; i < tabs->count(); ++i)
                    add(w, tabs->tabText(i));
            } else if (auto *tree = qobject_cast<QTreeWidget *>(w)) {
                for (int i = 0; i < tree->topLevelItemCount(); ++i) {
                    for (int c = 0; c < tree->columnCount(); ++c)
                        add(w, tree->topLevelItem(i)->text(c));
                    for (int k = 0; k < tree->topLevelItem(i)->childCount(); ++k)
                        add(w, tree->topLevelItem(i)->child(k)->text(2));
                }
            } else if (auto *chart = qobject_cast<prego::HistoryChartView *>(w)) {
                add(w, chart->title());
            } else if (auto *header = qobject_cast<QHeaderView *>(w)) {
                if (header->orientation() == Qt::Horizontal && header->model()) {
                    for (int c = 0; c < header->model()->columnCount(); ++c)
                        add(w, header->model()->headerData(c, Qt::Horizontal).toString());
                }
            } else if (auto *bar = qobject_cast<QMenuBar *>(w)) {
                for (QAction *a : bar->actions()) {
                    add(w, a->text());
                    if (a->menu()) {
                        for (QAction *sub : a->menu()->actions())
                            add(a->menu(), sub->text());
                    }
                }
            }
        }
    }
    return out;
}

} // namespace

TEST(LanguageWalk, EveryOpenWindowSwitchesWithoutLeftovers)
{
    prego::test::ConsoleSession session;
    ASSERT_TRUE(session.open(
        {u"--demo-fleet"_s, u"8"_s, u"--time-scale"_s, u"0.01"_s, u"--fail-stage"_s, u"ansible"_s},
        u"walk-1"_s))
        << session.sim.error().toStdString();
    prego::MainWindow *window = session.window();
    QSettings &settings = *session.settings;

    // A failed job, so the job window shows its pinned error and Retry.
    prego::ProvisionWizard *wizard = window->openWizard();
    wizard->tenantEdit()->setText(u"walker-1"_s);
    wizard->pathButton(prego::ProvisionRequest::Path::SharedNew)->click();
    wizard->next();
    wizard->next();
    wizard->confirmation()->setChecked(true);
    QSignalSpy submitted(wizard, &prego::ProvisionWizard::jobSubmitted);
    wizard->button(QWizard::FinishButton)->click();
    ASSERT_TRUE(submitted.wait(15000));
    prego::JobWindow *job = window->jobWindow();
    QElapsedTimer t;
    t.start();
    while ((!job->job() || !job->job()->isFinished()) && t.elapsed() < 15000)
        QTest::qWait(100);
    ASSERT_TRUE(job->job() && job->job()->status == u"Failed");

    // Everything open at once: the three views (in turn), a node, the job, a new wizard on its
    // review page, the profile and token dialogs.
    window->openNode(window->model()->nodes().first().nodeId);
    QSignalSpy drawn(window->nodeDetail(), &prego::NodeDetailView::historyShown);
    drawn.wait(3000);
    prego::ProvisionWizard *second = window->openWizard();
    second->tenantEdit()->setText(u"walker-two"_s);
    second->pathButton(prego::ProvisionRequest::Path::Dedicated)->click();
    second->next();
    second->next();
    prego::ProfileDialog profiles(window);
    profiles.show();
    prego::MemorySecretStore memory;
    prego::TokenDialog token(u"walk-1"_s, nullptr, &memory, window);
    token.show();
    const QList<QWidget *> windows{window, window->nodeDetail(), job, second, &profiles, &token};
    // The control plane's own words (English) are quoted as it sent them, beside a translated
    // explanation: taken out of the texts before they are checked.
    const QString serverMessage = job->job()->error ? job->job()->error->message : QString();
    ASSERT_FALSE(serverMessage.isEmpty());

    const auto leftovers = [&](bool korean) {
        QStringList found;
        for (auto view : {prego::MainWindow::View::Dashboard, prego::MainWindow::View::Heatmap,
                          prego::MainWindow::View::Jobs, prego::MainWindow::View::Verification}) {
            window->showView(view);
            if (view == prego::MainWindow::View::Verification) {
                // Its findings are worded when evaluated: wait for the evaluation.
                QSignalSpy evaluated(window->verificationView(),
                                     &prego::VerificationView::evaluated);
                evaluated.wait(5000);
            }
            QApplication::processEvents();
            for (auto [where, text] : visibleTexts(windows)) {
                text.remove(serverMessage);
                if (korean) {
                    const QStringList words = englishWords(text);
                    if (!words.isEmpty())
                        found << u"%1: \"%2\" (%3)"_s.arg(where, text, words.join(u' '));
                } else if (hasHangul(text) && text != u"한국어") {
                    found << u"%1: \"%2\""_s.arg(where, text);
                }
            }
        }
        found.removeDuplicates();
        return found;
    };

    // Through the menu, as an operator does it.
    QAction *korean = nullptr;
    QAction *english = nullptr;
    for (QAction *a : window->findChildren<QAction *>()) {
        if (a->text() == u"한국어")
            korean = a;
        else if (a->text() == u"English")
            english = a;
    }
    ASSERT_TRUE(korean && english);
    korean->trigger();
    QApplication::processEvents();
    const QStringList inKorean = leftovers(true);
    EXPECT_TRUE(inKorean.isEmpty()) << inKorean.join(u'\n').toStdString();
    EXPECT_TRUE(hasHangul(window->windowTitle()));
    EXPECT_EQ(settings.value(u"ui/language"_s).toString(), u"ko"_s);

    english->trigger();
    QApplication::processEvents();
    const QStringList inEnglish = leftovers(false);
    EXPECT_TRUE(inEnglish.isEmpty()) << inEnglish.join(u'\n').toStdString();
    EXPECT_EQ(settings.value(u"ui/language"_s).toString(), u"en"_s);
}
