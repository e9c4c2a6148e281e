// Tab walks every interactive widget of a view or dialog once, top to bottom and left to right,
// and never lands on a hidden or disabled one.
#include "consolesession.h"
#include "dashboardview.h"
#include "joblistview.h"
#include "mainwindow.h"
#include "profiledialog.h"
#include "provisionwizard.h"
#include "secrets/memorysecretstore.h"
#include "settingsdialog.h"
#include "tokendialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QTabBar>
#include <QTableView>
#include <QTest>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace {

// The widget an operator sees as focused (a combo box or spin box, not its inner line edit).
QWidget *owner(QWidget *w)
{
    if (w && (qobject_cast<QComboBox *>(w->parentWidget()) ||
              qobject_cast<QAbstractSpinBox *>(w->parentWidget())))
        return w->parentWidget();
    return w;
}

bool interactive(QWidget *w)
{
    return qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w) ||
           qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractItemView *>(w) ||
           qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QPlainTextEdit *>(w) ||
           qobject_cast<QTabBar *>(w);
}

QString describe(QWidget *w)
{
    QString text;
    if (auto *b = qobject_cast<QAbstractButton *>(w))
        text = b->text();
    return u"%1 %2 %3"_s.arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(),
                             text);
}

QRect rectIn(QWidget *window, QWidget *w)
{
    Q_UNUSED(window)
    return QRect(w->mapToGlobal(QPoint(0, 0)), w->size()); // safe for a stray widget too
}

// Reading order: b is on the same row further right (the two overlap by half the lower one's
// height), or on a lower row.
bool before(QWidget *window, QWidget *a, QWidget *b)
{
    const QRect ra = rectIn(window, a), rb = rectIn(window, b);
    const int overlap = std::min(ra.bottom(), rb.bottom()) - std::max(ra.top(), rb.top());
    if (overlap >= std::min(ra.height(), rb.height()) / 2)
        return rb.left() > ra.left();
    return rb.top() > ra.top();
}

// Presses Tab until the focus comes back: the widgets visited, in order, starting from the one
// nearest the top left. Records a failure for any hidden or disabled stop.
QList<QWidget *> tabChain(QWidget *window, QStringList *problems)
{
    QList<QWidget *> chain;
    for (int i = 0; i < 80; ++i) {
        QWidget *focus = owner(QApplication::focusWidget());
        if (!focus) {
            problems->append(u"no focus"_s);
            break;
        }
        if (!focus->isVisible() || !focus->isEnabled())
            problems->append(u"focus on a hidden or disabled widget: "_s + describe(focus));
        if (focus->window() != window) {
            problems->append(u"focus left the window: "_s + describe(focus));
            break;
        }
        if (chain.contains(focus)) {
            // The circle closes where it began; Tab kept in one widget is a trap.
            if (focus != chain.first())
                problems->append(u"Tab does not leave "_s + describe(focus));
            break;
        }
        chain.append(focus);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    }
    if (chain.isEmpty())
        return chain;
    // The chain is a circle: read it from the widget nothing comes before.
    const auto first = std::find_if(chain.begin(), chain.end(), [&](QWidget *c) {
        return std::none_of(chain.begin(), chain.end(),
                            [&](QWidget *w) { return w != c && before(window, w, c); });
    });
    if (first == chain.end()) {
        problems->append(u"no widget comes first"_s);
        return chain;
    }
    std::rotate(chain.begin(), first, chain.end());
    return chain;
}

// Every interactive widget reachable by Tab is in the chain once, in reading order: the next stop
// is on a lower row, or on the same row further right.
QStringList checkChain(QWidget *window)
{
    QStringList problems;
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window))
        return {u"window not active"_s};
    // Offscreen, a window opened over another may be active without the keyboard focus.
    QApplication::setActiveWindow(window);
    if (!window->isAncestorOf(QApplication::focusWidget()))
        window->focusWidget() ? window->focusWidget()->setFocus() : window->setFocus();
    QList<QWidget *> chain = tabChain(window, &problems);
    for (QWidget *w : window->findChildren<QWidget *>()) {
        if (w->window() != window || !w->isVisible() || !w->isEnabled() || !interactive(w) ||
            !(w->focusPolicy() & Qt::TabFocus) || owner(w) != w)
            continue;
        // Tab enters a group of radio buttons at the checked one; the arrows move within.
        if (auto *radio = qobject_cast<QRadioButton *>(w); radio && !radio->isChecked())
            continue;
        if (!chain.contains(w))
            problems.append(u"never reached by Tab: "_s + describe(w));
    }
    QStringList order;
    for (QWidget *w : chain)
        order.append(describe(w));
    for (int i = 1; i < chain.size(); ++i) {
        if (!before(window, chain[i - 1], chain[i]))
            problems.append(u"%1 comes after %2 in %3"_s.arg(
                describe(chain[i]), describe(chain[i - 1]), order.join(u" → "_s)));
    }
    return problems;
}

} // namespace

TEST(TabOrder, DialogsReadTopToBottom)
{
    prego::SettingsDialog settings;
    settings.show();
    EXPECT_TRUE(checkChain(&settings).isEmpty()) << checkChain(&settings).join(u'\n').toStdString();
    settings.close();

    prego::ProfileDialog profiles;
    profiles.show();
    const QStringList p = checkChain(&profiles);
    EXPECT_TRUE(p.isEmpty()) << p.join(u'\n').toStdString();
    profiles.close();

    prego::MemorySecretStore memory;
    prego::TokenDialog token(u"tab"_s, &memory, &memory);
    token.show();
    const QStringList t = checkChain(&token);
    EXPECT_TRUE(t.isEmpty()) << t.join(u'\n').toStdString();
}

TEST(TabOrder, MainViewsAndTheWizardReadTopToBottom)
{
    prego::test::ConsoleSession session;
    ASSERT_TRUE(session.open({u"--demo-fleet"_s, u"4"_s, u"--time-scale"_s, u"0.01"_s}, u"tab"_s))
        << session.sim.error().toStdString();
    prego::MainWindow *window = session.window();
    window->dashboard()->filterEdit()->setFocus();
    QStringList problems = checkChain(window);
    EXPECT_TRUE(problems.isEmpty()) << "dashboard:\n" << problems.join(u'\n').toStdString();

    window->showView(prego::MainWindow::View::Jobs);
    window->jobListView()->table()->setFocus();
    problems = checkChain(window);
    EXPECT_TRUE(problems.isEmpty()) << "jobs:\n" << problems.join(u'\n').toStdString();

    prego::ProvisionWizard *wizard = window->openWizard();
    ASSERT_NE(wizard, nullptr);
    problems = checkChain(wizard);
    EXPECT_TRUE(problems.isEmpty()) << "wizard:\n" << problems.join(u'\n').toStdString();
}
