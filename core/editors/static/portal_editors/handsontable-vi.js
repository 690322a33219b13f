/* Vietnamese for the table editor (Handsontable 6, used by Wagtail's TableBlock).
 * The table editor asks Handsontable for the admin's language; without a "vi" dictionary it logs
 * an error in the console and shows its menu in English. Registered through the public
 * Handsontable.languages API, loaded on editing pages by the insert_editor_js hook. */
(function () {
  "use strict";
  var items = "ContextMenu:items.";
  var dictionary = { languageCode: "vi" };
  var words = {
    insertRowAbove: "Chèn hàng phía trên",
    insertRowBelow: "Chèn hàng phía dưới",
    insertColumnOnTheLeft: "Chèn cột bên trái",
    insertColumnOnTheRight: "Chèn cột bên phải",
    removeRow: ["Xóa hàng", "Xóa các hàng"],
    removeColumn: ["Xóa cột", "Xóa các cột"],
    undo: "Hoàn tác",
    redo: "Làm lại",
    readOnly: "Chỉ đọc",
    clearColumn: "Xóa nội dung cột",
    copy: "Sao chép",
    cut: "Cắt",
    freezeColumn: "Cố định cột",
    unfreezeColumn: "Bỏ cố định cột",
    mergeCells: "Gộp ô",
    unmergeCells: "Tách ô",
    addComment: "Thêm ghi chú",
    editComment: "Sửa ghi chú",
    removeComment: "Xóa ghi chú",
    readOnlyComment: "Ghi chú chỉ đọc",
    align: "Căn lề",
    "align.left": "Trái",
    "align.center": "Giữa",
    "align.right": "Phải",
    "align.justify": "Đều hai bên",
    "align.top": "Trên",
    "align.middle": "Giữa",
    "align.bottom": "Dưới",
    borders: "Đường viền",
    "borders.top": "Trên",
    "borders.right": "Phải",
    "borders.bottom": "Dưới",
    "borders.left": "Trái",
    "borders.remove": "Bỏ đường viền",
    noItems: "Không có mục nào",
  };
  Object.keys(words).forEach(function (key) {
    dictionary[items + key] = words[key];
  });

  function register() {
    var languages = window.Handsontable && window.Handsontable.languages;
    if (languages && !languages.getLanguageDictionary("vi")) {
      languages.registerLanguageDictionary(dictionary);
    }
  }
  register();
  document.addEventListener("DOMContentLoaded", register);
})();
