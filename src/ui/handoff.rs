//! A value one task hands to another: the waiting half is a future. The page runs on one thread, so this
//! is a shared cell and a waker; a channel built for threads (atomics, `Arc`) cost the wasm more than the
//! loads that use it.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

struct Slot<T> {
    value: Option<T>,
    waker: Option<Waker>,
    /// The sending half is gone: no value will come after the one in `value`, if any.
    closed: bool,
}

/// The half that gives the value (or, dropped without giving one, says none will come).
pub struct Sender<T>(Rc<RefCell<Slot<T>>>);

/// The half that waits: resolves to the value, or to `None` when the sender was dropped without one.
pub struct Receiver<T>(Rc<RefCell<Slot<T>>>);

/// A connected sender and receiver.
pub fn handoff<T>() -> (Sender<T>, Receiver<T>) {
    let slot = Rc::new(RefCell::new(Slot {
        value: None,
        waker: None,
        closed: false,
    }));
    (Sender(Rc::clone(&slot)), Receiver(slot))
}

impl<T> Sender<T> {
    /// Gives the value to the receiver and wakes it.
    pub fn send(self, value: T) {
        self.0.borrow_mut().value = Some(value);
        // Dropping `self` closes the slot and wakes the receiver.
    }
}

impl<T> Drop for Sender<T> {
    fn drop(&mut self) {
        let waker = {
            let mut slot = self.0.borrow_mut();
            slot.closed = true;
            slot.waker.take()
        };
        if let Some(waker) = waker {
            waker.wake();
        }
    }
}

impl<T> Future for Receiver<T> {
    type Output = Option<T>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        let mut slot = self.0.borrow_mut();
        if let Some(value) = slot.value.take() {
            return Poll::Ready(Some(value));
        }
        if slot.closed {
            return Poll::Ready(None);
        }
        slot.waker = Some(cx.waker().clone());
        Poll::Pending
    }
}

/// Runs `future` as its own task on the page (so it makes progress while the caller waits on something
/// else) and returns the wait for its result.
pub fn spawn<T: 'static>(future: impl Future<Output = T> + 'static) -> Receiver<T> {
    let (sender, receiver) = handoff();
    wasm_bindgen_futures::spawn_local(async move { sender.send(future.await) });
    receiver
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::task::Wake;

    struct Flag(std::sync::atomic::AtomicBool);

    impl Wake for Flag {
        fn wake(self: std::sync::Arc<Self>) {
            self.0.store(true, std::sync::atomic::Ordering::SeqCst);
        }
    }

    fn poll<T>(receiver: &mut Receiver<T>, flag: &std::sync::Arc<Flag>) -> Poll<Option<T>> {
        let waker = Waker::from(std::sync::Arc::clone(flag));
        Pin::new(receiver).poll(&mut Context::from_waker(&waker))
    }

    #[test]
    fn the_receiver_waits_then_has_the_value_and_was_woken() {
        let flag = std::sync::Arc::new(Flag(false.into()));
        let (sender, mut receiver) = handoff();
        assert!(poll(&mut receiver, &flag).is_pending());
        sender.send(7);
        assert!(flag.0.load(std::sync::atomic::Ordering::SeqCst));
        assert_eq!(poll(&mut receiver, &flag), Poll::Ready(Some(7)));
    }

    #[test]
    fn a_dropped_sender_resolves_the_receiver_to_none() {
        let flag = std::sync::Arc::new(Flag(false.into()));
        let (sender, mut receiver) = handoff::<u8>();
        assert!(poll(&mut receiver, &flag).is_pending());
        drop(sender);
        assert!(flag.0.load(std::sync::atomic::Ordering::SeqCst));
        assert_eq!(poll(&mut receiver, &flag), Poll::Ready(None));
    }
}
