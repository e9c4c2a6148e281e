#include "verificationview.h"

#include "statuscolors.h"

#include <QDateTime>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace prego {

namespace {
constexpr int KindRole = Qt::UserRole + 1; // 0 node, 1 job; absent on check rows
constexpr int IdRole = Qt::UserRole + 2;
constexpr int KeyRole = Qt::UserRole + 3;

StatusColors::Tone toneOf(VerificationResult::Outcome outcome)
{
    switch (outcome) {
    case VerificationResult::Outcome::Pass:
        return StatusColors::Tone::Good;
    case VerificationResult::Outcome::Fail:
        return StatusColors::Tone::Bad;
    case VerificationResult::Outcome::NotEvaluable:
        return StatusColors::Tone::Warning;
    }
    return StatusColors::Tone::Neutral;
}
} // namespace

VerificationView::VerificationView(QWidget *parent)
    : QWidget(parent)
    , m_intro(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_evaluate(new QPushButton(this))
    , m_export(new QPushButton(this))
    , m_tree(new QTreeWidget(this))
{
    setObjectName(u"verificationView"_s);
    m_intro->setWordWrap(true);
    m_summary->setObjectName(u"verificationSummary"_s);
    m_summary->setWordWrap(true);
    m_tree->setObjectName(u"verificationTree"_s);
    m_tree->setColumnCount(4);
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(false);
    m_tree->setWordWrap(true);
    m_tree->header()->setStretchLastSection(true);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item, int) {
        const QVariant kind = item->data(0, KindRole);
        if (!kind.isValid())
            return;
        const QString id = item->data(0, IdRole).toString();
        if (kind.toInt() == int(VerificationEvidence::Kind::Node))
            Q_EMIT nodeActivated(id);
        else
            Q_EMIT jobActivated(id);
    });
    connect(m_tree, &QTreeWidget::itemExpanded, this, [this](QTreeWidgetItem *item) {
        m_expanded.insert(item->data(0, KeyRole).toString());
    });
    connect(m_tree, &QTreeWidget::itemCollapsed, this, [this](QTreeWidgetItem *item) {
        m_expanded.remove(item->data(0, KeyRole).toString());
    });
    connect(m_evaluate, &QPushButton::clicked, this, &VerificationView::evaluate);
    connect(m_export, &QPushButton::clicked, this, &VerificationView::exportInteractive);
    m_export->setEnabled(false);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_evaluate);
    bar->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(bar);
    layout->addWidget(m_tree, 1);
    retranslate();
}

void VerificationView::setProfile(bool connected, const QString &profile, const QString &baseUrl,
                                  int staleAfterSeconds)
{
    m_connected = connected;
    m_profile = profile;
    m_baseUrl = baseUrl;
    m_staleAfterSeconds = staleAfterSeconds;
    m_results.clear();
    fill();
    retranslate();
    if (isVisible())
        evaluate();
}

void VerificationView::evaluate()
{
    if (m_connected)
        Q_EMIT evaluationRequested();
}

void VerificationView::showResults(const QList<VerificationResult> &results)
{
    m_results = results;
    fill();
    retranslate();
    m_export->setEnabled(!m_results.isEmpty());
    Q_EMIT evaluated();
}

void VerificationView::fill()
{
    m_tree->clear();
    for (const VerificationResult &r : std::as_const(m_results)) {
        const QString key = Verification::key(r.id);
        auto *item = new QTreeWidgetItem(m_tree, {key, Verification::outcomeText(r.outcome),
                                                  Verification::title(r.id), r.summary});
        item->setData(0, KeyRole, key);
        item->setForeground(1, StatusColors::text(toneOf(r.outcome), m_tree->palette()));
        QFont bold = item->font(1);
        bold.setBold(true);
        item->setFont(1, bold);
        for (const VerificationEvidence &e : r.evidence) {
            //: an evidence row of a node under a maintenance silence, not counted as a failure
            auto *child = new QTreeWidgetItem(
                item, {QString(), e.excused ? tr("Excused") : QString(), e.text});
            child->setData(0, KindRole, int(e.kind));
            child->setData(0, IdRole, e.id);
            child->setToolTip(2, e.kind == VerificationEvidence::Kind::Node
                                     ? tr("Double-click to open node %1.").arg(e.id)
                                     : tr("Double-click to open job %1.").arg(e.id));
            child->setFirstColumnSpanned(false);
        }
        // Failures and excuses open by default (an excused node must not pass silently); what the
        // operator opened stays open across refreshes.
        const bool excuses = std::any_of(r.evidence.cbegin(), r.evidence.cend(),
                                         [](const VerificationEvidence &e) { return e.excused; });
        item->setExpanded(m_expanded.contains(key) ||
                          r.outcome == VerificationResult::Outcome::Fail || excuses);
    }
    m_tree->resizeColumnToContents(0);
    m_tree->resizeColumnToContents(1);
    m_tree->setColumnWidth(2, std::max(320, m_tree->width() / 3));
}

QString VerificationView::summaryText() const
{
    return m_summary->text();
}

QString VerificationView::markdown() const
{
    return Verification::markdown(m_results, {m_profile, m_baseUrl, m_staleAfterSeconds});
}

QString VerificationView::exportReport(const QString &path) const
{
    if (m_results.isEmpty())
        return tr("Nothing has been evaluated yet.");
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(markdown().toUtf8()) < 0 || !file.commit())
        return tr("%1 could not be written: %2").arg(path, file.errorString());
    return {};
}

void VerificationView::exportInteractive()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export verification report"),
        u"dod-%1-%2.md"_s.arg(m_profile, QDate::currentDate().toString(Qt::ISODate)),
        tr("Markdown files (*.md)"));
    if (path.isEmpty())
        return;
    if (const QString error = exportReport(path); !error.isEmpty())
        QMessageBox::warning(this, tr("Export verification report"), error);
}

void VerificationView::retranslate()
{
    m_intro->setText(tr("The Definition of Done, checked on live data: M1–M3 monitor the fleet, "
                        "E1–E4 prove the three provisioning paths. Double-click a row under a "
                        "check to open its node or job."));
    m_evaluate->setText(tr("E&valuate now"));
    m_export->setText(tr("E&xport report…"));
    m_tree->setHeaderLabels({tr("Check"), tr("Result"), tr("What it asks"), tr("Finding")});
    m_tree->setAccessibleName(tr("Definition-of-Done checks"));
    if (m_results.isEmpty()) {
        m_summary->setText(m_connected ? tr("Not evaluated yet.") : tr("No control plane."));
    } else {
        int pass = 0, fail = 0, open = 0;
        for (const VerificationResult &r : std::as_const(m_results)) {
            pass += r.outcome == VerificationResult::Outcome::Pass;
            fail += r.outcome == VerificationResult::Outcome::Fail;
            open += r.outcome == VerificationResult::Outcome::NotEvaluable;
        }
        const QString at = QLocale().toString(
            QDateTime::fromMSecsSinceEpoch(m_results.first().evaluatedAtMs).time(),
            QLocale::LongFormat);
        //: e.g. "Evaluated at 14:05:12: 5 pass · 1 fail · 1 not evaluable"
        m_summary->setText(tr("Evaluated at %1: %2 · %3 · %4")
                               .arg(at, tr("%n pass", nullptr, pass), tr("%n fail", nullptr, fail),
                                    tr("%n not evaluable", nullptr, open)));
    }
}

void VerificationView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    evaluate();
}

void VerificationView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        // The findings were worded when they were evaluated: word them again.
        if (!m_results.isEmpty())
            evaluate();
    }
    if (event->type() == QEvent::PaletteChange && !m_results.isEmpty())
        fill(); // the outcomes' colours are the palette's
    QWidget::changeEvent(event);
}

} // namespace prego
