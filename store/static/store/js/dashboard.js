/*
 * The dashboard's start-up code, run by store/js/site.js for the names a page lists in its
 * page_init block ("dashboard" on every dashboard page, more on some).
 *
 * Oscar starts its dashboard from an inline script, which the Content-Security-Policy forbids.
 * These entries do the same work, but leave out the widgets that write inline styles and so
 * cannot run under "style-src 'self'": TinyMCE, select2 and the date pickers. Their plain
 * textareas, selects and inputs work as they are. Every page works without any of this.
 */
(function (window, document, $) {
    "use strict";

    var store = window.store = window.store || {};
    var inits = store.pageInits = store.pageInits || {};
    var dashboard = window.oscar && window.oscar.dashboard;

    if (!$ || !dashboard) {
        return;
    }

    /* Show the tab a link pointed at (#product_stock, #payment ...), so a reload keeps it. */
    function showTabOfAddress() {
        var hash = window.location.hash;
        if (/^#[\w-]+$/.test(hash)) {
            $('[data-toggle="tab"][href="' + hash + '"]').tab("show");
        }
    }

    /* Mark the product form's sections that hold errors. */
    function markTabsWithErrors() {
        $('[data-behaviour="tab-nav-errors"] .tab-pane').each(function () {
            if ($(this).find('[class*="error"]:not(:empty)').length) {
                $('.tab-nav a[href="#' + this.id + '"]')
                    .append('<i class="fas fa-info-circle float-right" aria-hidden="true"></i>');
            }
        });
    }

    /* Open the modal a page asks for, such as the order search when its form has errors. */
    function openRequestedModals() {
        $(".modal[data-open-on-load]").modal("show");
    }

    /*
     * The "select all across pages" and "clear" buttons of a list's bulk actions. Oscar's
     * bulk_actions.init drives the counter; these buttons take the place of its "#" links.
     */
    function bulkSelection() {
        var $actions = $(".bulk-actions");
        var $across = $('input[name="select_across"]');
        $actions.find(".question button").on("click", function () {
            $actions.find(".action-counter, .question").hide();
            $actions.find(".all, .clear").show();
            $across.val("1");
        });
        $actions.find(".clear button").on("click", function () {
            $('input[name^="selected_"], input[name="select_all"]').prop("checked", false);
            $across.val("0");
            $actions.find(".selected-records").text("0");
            $actions.find(".action-counter, .all, .question, .clear").hide();
        });
    }

    /* "Cancel" in a pop-up window closes it. */
    function closeWindowButtons() {
        $('[data-behaviour="close-window"]').on("click", function () {
            window.close();
        });
    }

    inits.dashboard = function () {
        dashboard.initMasks(document);
        dashboard.initForms();
        dashboard.initProductImages(document);
        dashboard.filereader.init();
        markTabsWithErrors();
        showTabOfAddress();
        openRequestedModals();
        closeWindowButtons();
    };

    inits["bulk-actions"] = function () {
        dashboard.bulk_actions.init();
        bulkSelection();
    };

    inits["product-list"] = function () {
        dashboard.product_lists.init();
    };

    inits["product-attributes"] = function () {
        dashboard.product_attributes.init();
    };

    inits["product-bulk-action"] = function () {
        var bound = $("#product-bulk-action").attr("data-form-bound") === "true";
        dashboard.product_bulk_action.init({formBound: bound});
    };

    inits["offer-benefit"] = function () {
        dashboard.offers.init();
    };

    inits.reports = function () {
        dashboard.reports.init();
    };

    /* Show an email template's HTML in its preview frame, apart from the dashboard's styles. */
    inits["email-preview"] = function () {
        var frame = document.getElementById("preview_box");
        if (frame && frame.contentWindow) {
            var preview = frame.contentWindow.document;
            preview.open();
            preview.write(frame.textContent);
            preview.close();
        }
    };

    inits["range-products"] = function () {
        dashboard.ranges.init();
        dashboard.reordering.init({
            wrapper: ".product_list",
            submit_url: $("#range-reorder").attr("data-url")
        });
    };
})(window, document, window.jQuery);
