#pragma once

namespace prego {

// The pages of the main window, in the order of the View menu (Ctrl+1 … Ctrl+5).
enum class ConsoleView { Dashboard, Heatmap, Alerts, Jobs, Verification };

} // namespace prego
